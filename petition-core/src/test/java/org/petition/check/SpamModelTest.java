package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamModelTest {

  private final SpamModel model = SpamModel.ofDefaults();

  private static byte[] bytes(SpamModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  @Test
  void builtInModelIsVersionedSmallAndReadsBackIdentically() throws IOException {
    byte[] file;
    try (InputStream in = SpamModel.class.getResourceAsStream(SpamModel.RESOURCE)) {
      assertThat(in).isNotNull();
      file = in.readAllBytes();
    }
    assertThat(file.length).isLessThanOrEqualTo(5 * 1024 * 1024);
    assertThat(model.version()).isNotBlank();
    assertThat(model.threshold()).isBetween(0.0, 1.0);
    assertThat(bytes(model)).isEqualTo(file);
  }

  @Test
  void missingModelFailsWithAClearMessage() {
    assertThatThrownBy(() -> SpamModel.load(SpamModelTest.class, "no-such-model.bin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-model.bin").hasMessageContaining("missing");
  }

  @Test
  void corruptTruncatedOrForeignFilesAreRefused() throws IOException {
    byte[] good = bytes(model);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x40;
    assertThatThrownBy(() -> SpamModel.read(new ByteArrayInputStream(flipped)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
    byte[] truncated = Arrays.copyOf(good, good.length - 100);
    assertThatThrownBy(() -> SpamModel.read(new ByteArrayInputStream(truncated)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> SpamModel.read(new ByteArrayInputStream("not a model".getBytes())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    byte[] future = good.clone();
    future[7] = 9;
    assertThatThrownBy(() -> SpamModel.read(new ByteArrayInputStream(future)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
  }

  @Test
  void anyTextScoresBetweenZeroAndOne() {
    String emoji = "😀".repeat(2500);
    List<String> texts = List.of("", " ", emoji, "\u0301\u0302", "mixed 한글 русский 中文 العربية ελληνικά",
        "a".repeat(10_000), "\uD800 lone surrogate", "0".repeat(500), "!!!!".repeat(300));
    for (String text : texts) {
      double score = model.score(text);
      assertThat(score).as(text.length() + " chars").isBetween(0.0, 1.0);
      model.strongestFeatures(text, 3);
    }
    assertThat(model.isSpam("")).isFalse();
  }

  @Test
  void scoringTimeGrowsLinearly() {
    String unit = "check out my channel 구독 부탁 🙏 http://x.io ";
    String small = unit.repeat(100);
    String large = unit.repeat(1600);
    for (int i = 0; i < 200; i++) {
      model.score(small);
    }
    long smallNanos = time(small, 400);
    long largeNanos = time(large, 25);
    // 16 times the text at most about 16 times the time; 64 leaves room for a noisy machine.
    assertThat(largeNanos).isLessThan(smallNanos * 64);
    // The same for one emoji repeated (2,500 of them, then 40,000): one long "word" of no letters.
    String emoji = "😀".repeat(2500);
    String emojis = "😀".repeat(40_000);
    for (int i = 0; i < 200; i++) {
      model.score(emoji);
    }
    assertThat(time(emojis, 10)).isLessThan(time(emoji, 100) * 64);
  }

  private long time(String text, int runs) {
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      model.score(text);
    }
    return (System.nanoTime() - start) / runs;
  }

  @Test
  void explanationSumsTheSameWordAndNamesEachOnce() {
    String once = "Subscribe to my channel, I sub back";
    List<String> single = model.strongestFeatures(once, 4);
    // The same words three times, in other cases: each is still named once, and the strongest word stays first
    // among the words (a signal such as "two spam signals together" counts once, however often its words come).
    List<String> thrice = model.strongestFeatures(once + " SUBSCRIBE TO MY CHANNEL, I SUB BACK "
        + once.toLowerCase(java.util.Locale.ROOT), 4);
    assertThat(thrice).doesNotHaveDuplicates().hasSize(4);
    assertThat(firstQuoted(thrice)).isNotNull().isEqualTo(firstQuoted(model.strongestFeatures(once, 40)));
    assertThat(thrice).allSatisfy(f -> assertThat(f).isEqualTo(f.toLowerCase(java.util.Locale.ROOT)));
    assertThat(model.strongestFeatures(once, 40)).doesNotHaveDuplicates().hasSizeGreaterThan(4)
        .startsWith(single.toArray(String[]::new));
  }

  private static @org.jspecify.annotations.Nullable String firstQuoted(List<String> features) {
    return features.stream().filter(f -> f.startsWith("\"")).findFirst().orElse(null);
  }

  @Test
  void explanationTimeIsBoundedAndLinear() {
    String unit = "check out my channel 구독 부탁 🙏 http://x.io ";
    String small = unit.repeat(10);
    String large = unit.repeat(100);
    for (int i = 0; i < 200; i++) {
      model.strongestFeatures(small, 4);
    }
    long smallNanos = explainTime(small, 200);
    long largeNanos = explainTime(large, 20);
    long hugeNanos = explainTime(unit.repeat(3000), 20);
    // 10 times the text at most about 10 times the time; past 4,000 characters nothing more is read.
    assertThat(largeNanos).isLessThan(smallNanos * 40);
    assertThat(hugeNanos).isLessThan(largeNanos * 4);
    assertThat(model.strongestFeatures("😀".repeat(2500), 4)).doesNotHaveDuplicates();
    assertThat(model.strongestFeatures("x".repeat(100_000), 4)).allSatisfy(f -> assertThat(f).hasSizeLessThan(60));
  }

  private long explainTime(String text, int runs) {
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      model.strongestFeatures(text, 4);
    }
    return (System.nanoTime() - start) / runs;
  }

  @Test
  void explanationNamesWordsAndSignalsNotFragments() {
    List<String> strongest = model.strongestFeatures("Please subscribe to my channel, link: www.example.com", 5);
    assertThat(strongest).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(strongest).allSatisfy(f -> assertThat(f).matches("\"[^\"]+\"|[a-z0-9 @]+"));
    assertThatThrownBy(() -> model.strongestFeatures("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trainingIsDeterministicAndLearns() throws IOException {
    SpamModel first = tiny().train("t1", 0.5);
    SpamModel second = tiny().train("t1", 0.5);
    assertThat(bytes(first)).isEqualTo(bytes(second));
    assertThat(first.score("win a free prize now")).isGreaterThan(first.score("see you at dinner"));
    SpamModel copy = SpamModel.read(new ByteArrayInputStream(bytes(first)));
    assertThat(copy.score("win a free prize now")).isEqualTo(first.score("win a free prize now"));
  }

  private static SpamModelTrainer tiny() {
    SpamModelTrainer trainer = new SpamModelTrainer().seed(7).epochs(5);
    for (int i = 0; i < 20; i++) {
      trainer.add("win a free prize now " + i, true, 1);
      trainer.add("claim your free cash prize " + i, true, 1);
      trainer.add("see you at dinner " + i, false, 1);
      trainer.add("the meeting moved to monday " + i, false, 1);
    }
    return trainer;
  }

  @Test
  void trainerAndThresholdRejectBadArguments() {
    assertThatThrownBy(() -> new SpamModelTrainer().add("x", true, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
    assertThatThrownBy(() -> new SpamModelTrainer().epochs(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs");
    assertThatThrownBy(() -> new SpamModelTrainer().add("x", true, 1).train("v", 0.5))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
    assertThatThrownBy(() -> model.withThreshold(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
  }
}
