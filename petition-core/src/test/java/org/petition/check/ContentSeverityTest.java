package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calibrated severities of {@link ContentCheck} (docs/CONTENT-QUALITY.md): profanity addressed to no
 * one is published, insults and profanity addressed to someone hide the comment, slurs and threats hold the
 * signature, shouting, repetition and emoji hide nothing on their own, spam hides the comment.
 */
class ContentSeverityTest {

  private final ContentCheck check = ContentCheck.ofDefaults();
  private final VerdictPolicy policy = VerdictPolicy.bySeverity();

  private Verdict verdict(String comment) {
    return policy.decide(check.checkField("comment", comment));
  }

  private List<String> codes(String comment) {
    return check.checkField("comment", comment).stream().map(Finding::code).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"holy shit", "Who the fuck thought this was a good idea?", "fuuuuck North Korea",
      "this is bullshit", "What a sh1t petition", "fck this", "ㅅㅂ 이게 뭐냐", "씨발 진짜 너무하네", "Putain, enfin !",
      "Бля, сколько можно"})
  void profanityAddressedToNoOneIsPublishedButRecorded(String comment) {
    assertThat(codes(comment)).as(comment).contains("content.profanity");
    assertThat(verdict(comment)).as(comment).isEqualTo(Verdict.ACCEPT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fuck you", "f*ck you commies", "you are all bullshit", "you lot are all cunts",
      "bunch of motherfuckers", "Bande de connards", "Sois unos gilipollas", "병신들아 서명하지마", "느금마",
      "시발 너 뭐야", "Ihr seid alle Hurensöhne"})
  void insultsAndProfanityAddressedToSomeoneHideTheCommentOnly(String comment) {
    assertThat(codes(comment)).as(comment).contains("content.profanity");
    assertThat(verdict(comment)).as(comment).isEqualTo(Verdict.ACCEPT_HIDE_COMMENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gooks go home", "Ching chong go home", "Go back to your rice paddies, gooooks",
      "쪽바리 같은 놈들", "Пиндосы, вон из Кореи, суки!", "shit, gooks everywhere", "fuck those g00ks"})
  void slursAndHateHoldTheSignature(String comment) {
    assertThat(codes(comment)).as(comment).contains("content.abuse");
    assertThat(verdict(comment)).as(comment).isEqualTo(Verdict.HOLD);
  }

  /**
   * A slur mentioned rather than used still holds: a word list cannot tell the two apart, and a rule such as
   * "a question is a mention" would be beaten by adding "?". Decided in session 8 on MLMA's "ching chong"
   * row, the one known miss of SpamModelQualityTest (docs/CONTENT-QUALITY.md, "MLMA French").
   */
  @ParameterizedTest
  @ValueSource(strings = {"'ching chong' ça veut dire bonjour en chinois nan ??",
      "Does ching chong mean hello in Chinese?"})
  void aSlurMentionedInAQuestionStillHoldsTheSignature(String comment) {
    assertThat(codes(comment)).as(comment).contains("content.abuse");
    assertThat(verdict(comment)).as(comment).isEqualTo(Verdict.HOLD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kill yourself commie", "kys traitors", "I will kill you", "fucking kill yourself",
      "ich bring dich um", "je vais te tuer", "я тебя убью", "죽여버린다 진짜"})
  void threatsHoldTheSignature(String comment) {
    assertThat(codes(comment)).as(comment).contains("content.threat");
    assertThat(verdict(comment)).as(comment).isEqualTo(Verdict.HOLD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"STOP THE WAR NOW, PEACE IN KOREA", "I love this song soooooooo", "!!!!!!",
      "🙏🙏🙏🙏🙏🙏", "YES YES YES YES YES", "NOOOOOOOOOOOO", "👍", "ㅋㅋㅋㅋㅋㅋㅋㅋ"})
  void shoutingRepetitionAndEmojiHideNothingOnTheirOwn(String comment) {
    assertThat(verdict(comment)).as(comment + ": " + check.checkField("comment", comment))
        .isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void profanitySeveritiesAreConfigurableButNeverHold() {
    ContentCheck strict = ContentCheck.builder().untargetedProfanity(Severity.MEDIUM).build();
    assertThat(policy.decide(strict.checkField("comment", "holy shit"))).isEqualTo(Verdict.ACCEPT_HIDE_COMMENT);
    ContentCheck lenient = ContentCheck.builder().targetedProfanity(Severity.LOW).build();
    assertThat(policy.decide(lenient.checkField("comment", "fuck you"))).isEqualTo(Verdict.ACCEPT);
    assertThat(policy.decide(lenient.checkField("comment", "gooks go home"))).isEqualTo(Verdict.HOLD);
    assertThatThrownBy(() -> ContentCheck.builder().untargetedProfanity(Severity.HIGH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("untargetedProfanity").hasMessageContaining("never holds");
    assertThatThrownBy(() -> ContentCheck.builder().targetedProfanity(Severity.CRITICAL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetedProfanity");
  }

  @Test
  void addedProfanityWeighsAsProfanity() {
    ContentCheck custom = ContentCheck.builder().addProfanityTerms(List.of("frak")).build();
    assertThat(policy.decide(custom.checkField("comment", "oh frak"))).isEqualTo(Verdict.ACCEPT);
    assertThat(policy.decide(custom.checkField("comment", "frak you"))).isEqualTo(Verdict.ACCEPT_HIDE_COMMENT);
  }

  @Test
  void profanityInANameHolds() {
    assertThat(policy.decide(check.checkField("firstName", "Shithead"))).isEqualTo(Verdict.HOLD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"check out my channel and subscribe, I sub back!",
      "Please subscribe to my channel guys, it would mean a lot",
      "I make $500 a day working from home, message me to learn how",
      "Buy cheap followers and likes, instant delivery",
      "제 채널 구독 부탁드려요! 맞구독 환영합니다"})
  void spamWithoutALinkHidesTheCommentAndNamesWhatWeighed(String comment) {
    List<Finding> findings = check.checkField("comment", comment);
    Finding spam = findings.stream().filter(f -> f.code().equals("content.spam")).findFirst().orElseThrow(
        () -> new AssertionError("no content.spam for " + comment + ": " + findings));
    assertThat(spam.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(spam.explanation()).contains("weighed most: ").contains("score");
    assertThat(verdict(comment)).isEqualTo(Verdict.ACCEPT_HIDE_COMMENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Нaбupaю людeй в кoмaндy, дoxoд oт 50 000 p в нeдeлю, пишитe в лc",
      "Здpaвcтвyйтe! Ищy пapтнёpoв для зapaбoткa в интepнeтe, дoxoд oт 3000$ в мecяц, пишитe в личку"})
  void russianSpamDisguisedWithLatinLookAlikesIsReadByTheModelNotCalledGarbled(String comment) {
    List<Finding> findings = check.checkField("comment", comment);
    assertThat(findings).extracting(Finding::code).contains("content.spam").doesNotContain("content.mojibake");
    assertThat(verdict(comment)).isEqualTo(Verdict.ACCEPT_HIDE_COMMENT);
  }

  @Test
  void withoutSpamModelNoSpamFinding() {
    ContentCheck noModel = ContentCheck.builder().withoutSpamModel().build();
    assertThat(noModel.checkField("comment", "check out my channel and subscribe, I sub back!")).isEmpty();
  }
}
