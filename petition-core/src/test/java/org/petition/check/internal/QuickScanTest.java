package org.petition.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.petition.check.ContentCheck;

// The quick scan (no allocation) must answer exactly as the general path: the same hit, or clean.
class QuickScanTest {

  private static final List<DataFile.Line> LINES = builtIn();
  private static final AbuseMatcher MATCHER = AbuseMatcher.compile(LINES);

  private static List<DataFile.Line> builtIn() {
    List<DataFile.Line> lines = new ArrayList<>();
    for (String list : ContentCheck.ABUSE_LISTS) {
      lines.addAll(DataFile.resource(ContentCheck.class, list));
    }
    return lines;
  }

  private static void same(String text) {
    assertThat(MATCHER.find(text)).as("find(\"%s\")", text).isEqualTo(MATCHER.findSlowly(text));
  }

  @Test
  void everyCharacterOfThePlaneAloneInAWordAndBeforeAMark() {
    for (char c = 1; c < 0xFFFF; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      String s = String.valueOf(c);
      same(s);
      same("ab" + s + "cd");
      same("go" + s + "ok");
      same(s + "\u0301x");
      same("Ива" + s + "нов");
      same("씨" + s + "발");
    }
  }

  @Test
  void everyListedEntryAndItsDisguises() {
    int quick = 0;
    for (DataFile.Line line : LINES) {
      String term = line.text().replaceAll("^[!=]", "").replace("*", "");
      for (String text : List.of(term, term.toUpperCase(), "I say " + term + " here", term + "s", term + "ing",
          "Ms. " + term, term.replace("o", "0"), term.replace("e", "3"), term.replace("a", "@"),
          String.join(" ", term.split("")), String.join(".", term.split("")), "x" + term + "x",
          term + "!!", "«" + term + "»", term.replace(" ", "  "))) {
        same(text);
        if (MATCHER.find(text) != null) {
          quick++;
        }
      }
    }
    assertThat(quick).as("hits found").isGreaterThan(LINES.size());
  }

  @Test
  void randomTextsFromAnAlphabetOfTrapsAgree() {
    String[] pieces = {"a", "e", "o", "s", "k", "g", "u", "c", "f", "h", "t", "n", "i", "r", "l", "y", "b", "d",
        "é", "ö", "ß", "ı", "İ", "ς", "σ", "о", "а", "е", "р", "с", "ѕ", "і", "α", "ε", "0", "3", "4", "5", "7",
        "1", "!", "|", "@", "$", "'", "-", ".", "*", " ", "  ", "\u0301", "\u0308", "\u200C", "\u00A0", "ㅆ", "ㅣ",
        "ㅂ", "ㅏ", "ㄹ", "씨", "발", "병", "신", "시", "도", "전", "漢", "字", "ア", "ไ", "ก", "\t", "ʼ",
        "ᄀ", "ᅡ", "ᆨ", "ǅ", "ﬁ", "Ω", "K", "Å", "ấ", "ḗ", "ё", "й", "fuck", "shit", "kill", "you", "gook",
        "niger", "your", "self", "ass", "hole", "bitch", "씨발", "병신", "\uD83D\uDE00"};
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int k = 0; k < n; k++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      same(text.toString());
    }
  }

  @Test
  void namesInManyScriptsAreReadQuicklyAndClean() {
    for (String name : List.of("James", "María", "François", "Małgorzata", "Nguyễn", "O'Brien", "García-Márquez",
        "민준", "남궁", "Александр", "Соловьёв", "Γιώργος", "Παπαδόπουλος", "محمد", "عبد الرحمن", "علی\u200Cرضا",
        "翔太", "佐々木", "さくら", "आरव", "मिश्रा", "Çağla", "Yılmaz")) {
      assertThat(new QuickScan(node(), node(), node(), node(), true).find(name)).as(name).isNull();
      assertThat(MATCHER.find(name)).as(name).isNull();
      same(name);
    }
  }

  @Test
  void theQuickScanDecidesTheUsualNamesWithoutTheGeneralPath() {
    QuickScan quick = quickOf(MATCHER);
    for (String name : List.of("James", "María", "Nguyễn", "O'Brien", "민준", "Александр", "Γιώργος", "محمد",
        "翔太", "आरव", "Shit", "씨발")) {
      assertThat(quick.find(name)).as(name).isNotSameAs(QuickScan.FALLBACK);
    }
    assertThat(quick.find("Shit")).isNotNull();
    assertThat(quick.find("씨발")).isNotNull();
    assertThat(quick.find("a b c d")).isSameAs(QuickScan.FALLBACK);
    assertThat(quick.find("sh1t")).isSameAs(QuickScan.FALLBACK);
  }

  @Test
  void nothingIsAllocatedForANameOnceWarm() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    String[] names = {"Jürgen", "Müller", "Александр", "민준", "佐藤", "محمد", "आरव"};
    for (int i = 0; i < 200_000; i++) {
      MATCHER.find(names[i % names.length]);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 70_000; i++) {
      MATCHER.find(names[i % names.length]);
    }
    long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 70_000;
    // The general path allocated 700-1,200 B per name.
    assertThat(perCall).isLessThan(16);
  }

  private static AbuseMatcher.Node node() {
    AbuseMatcher.Node node = new AbuseMatcher.Node();
    node.freeze();
    return node;
  }

  private static QuickScan quickOf(AbuseMatcher matcher) {
    try {
      java.lang.reflect.Field field = AbuseMatcher.class.getDeclaredField("quick");
      field.setAccessible(true);
      return (QuickScan) field.get(matcher);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
