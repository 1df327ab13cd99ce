package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and adversarial text through every check: no exception, and time per call bounded (linear
 * algorithms: 100 KB must take milliseconds, with a wide margin for a loaded build machine).
 */
class ContentFuzzTest {

  private static final long SEED = 20150401L;
  // CPU time per call, generous for a slow machine: the algorithms take milliseconds; timeGrowsLinearly
  // guards against a quadratic step much more tightly.
  private static final long MAX_NANOS_100KB = 2_000_000_000L;
  private static final long MAX_NANOS_SHORT = 250_000_000L;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final ContentCheck content = ContentCheck.ofDefaults();
  private final MojibakeRepair mojibake = MojibakeRepair.ofDefaults();
  private final DisposableDomainCheck disposable = DisposableDomainCheck.ofDefaults();
  private final BotSignalsCheck bot = BotSignalsCheck.ofDefaults();

  // Pools of characters the generator mixes: ASCII with link and abuse material, Latin-1 and mojibake
  // leads, Cyrillic, Greek, Hebrew and Arabic with bidi controls, Hangul syllables and loose jamo, Han,
  // Kana, Thai, Devanagari, combining marks, emoji (surrogate pairs), lone surrogates, controls.
  private static final String[] POOLS = {
      "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
      " .:/@[](){}<>-_*!|$#%&?,;'\"\t\n",
      "ÃÂÐÑ©®°±µ¶·»«€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸéèêëàâäôöüçñßøå",
      "РСЃРєРІРѕСЏРЅРёСЌРђЂЃЉЊЋЏђѓљњћџўЎЈҐЁЄЇІіїєёабвгдежзийклмнопрстуфхцчшщъыьэюя",
      "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩς",
      "אבגדהוזחטיכלמנסעפצקרשת\u200F\u202E\u202Bابتثجحخدذرزسشصضطظعغفقكلمنهوي\u064B\u0651",
      "가각간갇갈감갑강개객거건걸검겁게겨격견결겸경씨발병신개새끼시점도전ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
      "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年。、哈ひらがなカタカナ",
      "กขคงจฉชซญดตถทนบปผพฟภมยรลวศษสหอะาิีึืุู่้๊๋5",
      "अआइईउऊएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह्ािीुूेैोौंः।",
      "\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u0336\u20DD\u0489",
      "😀😁😂🙏👍🇰🇷✊🏽‍♀️🔥💯",
      "\uD800\uDBFF\uDC00\uDFFF\u0000\u0001\u001F\u007F\u0085\u2028\u2029\uFEFF\uFFFD\uFFFF",
      "．。｡ｅｘａｍｐｌｅｃｏｍ　",
  };

  private static final String[] WORDS = {"www.", "http://", "dot", " dot ", "[.]", "(dot)", ".com", ".рф",
      "gook", "g o o k", "f*ck", "씨 발", "ㅆㅣㅂ", "시발점", "Ã©", "РњР", "Эst", "I support this petition",
      "U.S.", "e.g.", "@", "hahaha", "!!!!!!!", "buy ", "ㅋㅋㅋ", "asdfgh", "\u0301\u0301"};

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder(length + 32);
    while (sb.length() < length) {
      if (random.nextInt(8) == 0) {
        sb.append(WORDS[random.nextInt(WORDS.length)]);
        continue;
      }
      String pool = POOLS[random.nextInt(POOLS.length)];
      int run = 1 + random.nextInt(12);
      for (int i = 0; i < run && sb.length() < length; i++) {
        int at = random.nextInt(pool.length());
        sb.append(pool.charAt(at));
      }
    }
    return sb.toString();
  }

  private static List<String> adversarial(int size) {
    List<String> texts = new ArrayList<>();
    texts.add("a.".repeat(size / 2));
    texts.add("a".repeat(size));
    texts.add("g o o ".repeat(size / 6));
    texts.add("씨 ".repeat(size / 2));
    texts.add("ㅆㅣ".repeat(size / 2));
    texts.add("시발점".repeat(size / 3));
    texts.add("[.]".repeat(size / 3));
    texts.add("x dot ".repeat(size / 6));
    texts.add("Ã©".repeat(size / 2));
    texts.add("Р".repeat(size));
    texts.add("РњРѕ ".repeat(size / 5));
    texts.add("www.".repeat(size / 4));
    texts.add("http://".repeat(size / 7));
    texts.add("!".repeat(size));
    texts.add("buy ".repeat(size / 4));
    texts.add("ㅋ".repeat(size));
    texts.add("\u0301".repeat(size));
    texts.add("😀".repeat(size / 2));
    texts.add("1".repeat(size));
    texts.add("f.u.c.".repeat(size / 6));
    texts.add("Эstanbul ".repeat(size / 9));
    texts.add("-".repeat(size));
    texts.add("a-".repeat(size / 2));
    texts.add("\uD800".repeat(size));
    return texts;
  }

  private void runAll(String text, long maxNanos) {
    CheckInput input = Inputs.person(text, text)
        .nickname(text)
        .city(text)
        .affiliation(text)
        .comment(text)
        .honeypot(text.isEmpty() ? null : text)
        .userAgent(text)
        .build();
    CheckInput organisation = Inputs.organization(text.isBlank() ? "x" : text).comment(text).build();
    timed(text, maxNanos, () -> content.check(input));
    timed(text, maxNanos, () -> content.check(organisation));
    timed(text, maxNanos, () -> mojibake.looksLikeMojibake(text));
    timed(text, maxNanos, () -> mojibake.repair(text));
    timed(text, maxNanos, () -> disposable.isDisposable(text));
    timed(text, maxNanos, () -> disposable.check(input));
    timed(text, maxNanos, () -> bot.check(input));
  }

  // CPU time of this thread: other builds on the machine and the collector's threads do not count.
  private static void timed(String text, long maxNanos, Runnable call) {
    long start = CPU.getCurrentThreadCpuTime();
    call.run();
    long elapsed = CPU.getCurrentThreadCpuTime() - start;
    assertThat(elapsed).as("CPU nanoseconds for %d chars starting %s", text.length(),
        text.substring(0, Math.min(20, text.length()))).isLessThan(maxNanos);
  }

  @Test
  void randomShortTexts() {
    Random random = new Random(SEED);
    // Loads the lists and compiles the code paths before anything is timed.
    for (int i = 0; i < 200; i++) {
      runAll(randomText(random, 200), MAX_NANOS_100KB);
    }
    for (int i = 0; i < 3000; i++) {
      runAll(randomText(random, random.nextInt(300)), MAX_NANOS_SHORT);
    }
  }

  @Test
  void randomHundredKilobyteTexts() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 12; i++) {
      runAll(randomText(random, 100_000), MAX_NANOS_100KB);
    }
  }

  @Test
  void adversarialHundredKilobyteTexts() {
    // Warm up the JIT so the bound measures the algorithm, not the interpreter.
    for (String text : adversarial(2_000)) {
      runAll(text, MAX_NANOS_100KB);
    }
    for (String text : adversarial(100_000)) {
      runAll(text, MAX_NANOS_100KB);
    }
  }

  @Test
  void timeGrowsLinearly() {
    String unit = "Nous soutenons cette pétition 씨 발 g o o k www.example.com Ã©tÃ© РњРѕ ";
    long small = time(unit.repeat(200));
    long large = time(unit.repeat(2_000));
    // Ten times the text; a quadratic step would take a hundred times longer.
    assertThat(large).isLessThan(Math.max(small, 1_000_000L) * 40);
  }

  private long time(String text) {
    for (int i = 0; i < 5; i++) {
      content.checkField("comment", text);
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = CPU.getCurrentThreadCpuTime();
      content.checkField("comment", text);
      best = Math.min(best, CPU.getCurrentThreadCpuTime() - start);
    }
    return best;
  }
}
