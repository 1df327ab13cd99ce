package org.petition.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spam-concept features of {@link SpamFeatures}: concepts read in every covered language (whole words, and
 * prefixes for words that carry particles or endings), counted with the contact and money signals, and a
 * feature only when two or more come together.
 */
class SpamFeaturesConceptsTest {

  private static List<Integer> dense(String text) {
    List<Integer> out = new ArrayList<>();
    SpamFeatures.extract(text, new SpamFeatures.Sink() {
      @Override
      public void hashed(int bucket, int kind, int start, int end) {}

      @Override
      public void dense(int index) {
        out.add(index);
      }
    });
    return out;
  }

  @Test
  void twoConceptsInAnyCoveredLanguageAreOneFeature() {
    // earnings + messenger, in six languages; Korean words with their particles ("부업으로", "카톡으로").
    for (String text : List.of("earn money fast, dm me", "부업으로 큰 수익, 카톡으로 연락", "Nebenjob gesucht? Schreib per PN",
        "gagnez vite, écrivez sur telegram", "ganancias seguras, escríbeme", "ganhe muito, chama no zap",
        "заработок без вложений, пишите в лс")) {
      assertThat(dense(text)).as(text).contains(SpamFeatures.TWO_CONCEPTS).doesNotContain(SpamFeatures.THREE_CONCEPTS);
    }
  }

  @Test
  void threeOrMoreSignalsCountTogether() {
    // subscribe + channel + free + a link.
    assertThat(dense("구독 부탁, 채널 무료 www.example.com")).contains(SpamFeatures.THREE_CONCEPTS)
        .doesNotContain(SpamFeatures.TWO_CONCEPTS);
    // earnings + a money amount + a phone number.
    assertThat(dense("income of $500, call 0101234567")).contains(SpamFeatures.THREE_CONCEPTS);
  }

  @Test
  void oneConceptAloneIsNoFeature() {
    for (String text : List.of("Free school meals for every child", "Stop predatory payday loans", "무료 급식 확대에 찬성합니다",
        "Kostenloser Nahverkehr jetzt!", "I subscribed to the newsletter", "Transporte público gratuito já!")) {
      assertThat(dense(text)).as(text).doesNotContain(SpamFeatures.TWO_CONCEPTS, SpamFeatures.THREE_CONCEPTS);
    }
  }

  @Test
  void wordsWithInnocentMeaningsAreNoConcept() {
    // "pm" (a prime minister), "mp", "텔레비전" (not 텔레그램), "investigation" (not invest), "verdienen" (to deserve).
    assertThat(dense("The PM and my MP watched 텔레비전 during the investigation; they verdienen respect"))
        .doesNotContain(SpamFeatures.TWO_CONCEPTS, SpamFeatures.THREE_CONCEPTS);
    // A prefix entry matches from the start of a word only, and a whole-word entry only the whole word.
    assertThat(SpamConcepts.ofPrefix(SpamConcepts.foldedHash("구독"))).isNotZero();
    assertThat(SpamConcepts.ofWord(SpamConcepts.foldedHash("free"))).isNotZero();
    assertThat(SpamConcepts.ofWord(SpamConcepts.foldedHash("freedom"))).isZero();
    assertThat(SpamConcepts.ofPrefix(SpamConcepts.foldedHash("free"))).isZero();
  }

  @Test
  void upperCaseAndDigitsAreFoldedAsForWords() {
    assertThat(dense("SUB4SUB, FREE!!")).contains(SpamFeatures.TWO_CONCEPTS);
    assertThat(SpamConcepts.foldedHash("FOLLOW4FOLLOW")).isEqualTo(SpamConcepts.foldedHash("follow0follow"));
  }

  @Test
  void aDomainSpelledOutIsALink() {
    assertThat(dense("visit mysite dot com")).contains(SpamFeatures.LINK);
    assertThat(dense("네이버 닷컴")).contains(SpamFeatures.LINK);
    assertThat(dense("connect the dots, come on")).doesNotContain(SpamFeatures.LINK);
  }
}
