package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.invite.InvitationLimits;
import org.petition.invite.InvitationStats;
import org.petition.invite.InviteResult;
import org.petition.invite.InviteToken;
import org.petition.invite.SuppressResult;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/** Invite friends through the library: tokens, mails, one per address, suppression, limits, aggregates. */
class InvitationsTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();

  private Petitions petitions(InvitationLimits limits) {
    Petitions petitions = Fixtures.petitions(clock, outbox).invitationLimits(limits).build();
    petitions.register(Fixtures.seedPetition());
    petitions.register(Petition.builder("second").title("Second petition").goal(10).build());
    return petitions;
  }

  private Petitions petitions() {
    return petitions(InvitationLimits.ofDefaults());
  }

  /** Signs as Jong Suks and confirms; answers the confirmation token. */
  private String signAndConfirm(Petitions petitions, String email) {
    petitions.sign(person("Jong", "Suks", email).build());
    String confirm = confirmToken(outbox.latestTo(email).orElseThrow());
    assertThat(petitions.confirm(confirm)).isInstanceOf(ConfirmResult.Confirmed.class);
    return confirm;
  }

  private String inviteToken(Petitions petitions, String email) {
    return petitions.invitations().tokenAfterConfirmation(signAndConfirm(petitions, email)).orElseThrow().token();
  }

  private static List<String> emails(String... emails) {
    return Arrays.asList(emails);
  }

  @Test
  void aConfirmedSignerInvitesByMailNamedByDisplayNameWithASignLinkAndANeverAgainLink() {
    Petitions petitions = petitions();
    InviteToken token = petitions.invitations().tokenAfterConfirmation(signAndConfirm(petitions, "jong@example.org"))
        .orElseThrow();
    assertThat(token.petition()).isEqualTo(SLUG);
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(token.toString()).doesNotContain(token.token());

    InviteResult result = petitions.invitations().invite(SLUG, token.token(),
        emails("friend@example.com", "other@example.net"), "203.0.113.7");

    assertThat(result).isEqualTo(new InviteResult.Sent(2, 0));
    OutgoingMessage mail = outbox.latestTo("friend@example.com").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.INVITATION);
    assertThat(mail.inviter()).isEqualTo("Jong S.");
    assertThat(mail.subject()).contains("Jong S.").contains("60th Anniversary");
    assertThat(mail.text()).contains("Jong S.").contains("https://petitions.example.org/p/" + SLUG + "?via=invite")
        .contains("https://petitions.example.org/unsubscribe?token=").doesNotContain("jong@example.org")
        .doesNotContain("Suks");
    assertThat(mail.html()).contains("Never email me again").doesNotContain("jong@example.org");
    assertThat(mail.toString()).doesNotContain("friend@example.com");
    assertThat(petitions.invitations().stats(SLUG)).contains(new InvitationStats(2, 0));
  }

  @Test
  void theInvitationIsInTheInvitersLanguage() {
    Petitions petitions = petitions();
    petitions.sign(person("Jong", "Suks", "jong@example.org").locale(java.util.Locale.KOREAN).build());
    String confirm = confirmToken(outbox.latestTo("jong@example.org").orElseThrow());
    petitions.confirm(confirm);
    String token = petitions.invitations().tokenAfterConfirmation(confirm).orElseThrow().token();
    petitions.invitations().invite(SLUG, token, emails("friend@example.com"), null);
    assertThat(outbox.latestTo("friend@example.com").orElseThrow().text()).contains("다시 받지 않으려면");
  }

  @Test
  void tokensOfOtherPurposesAreNeverInviteTokensAndTheReverse() {
    Petitions petitions = petitions();
    petitions.sign(person("Jong", "Suks", "jong@example.org").build());
    OutgoingMessage confirmation = outbox.latestTo("jong@example.org").orElseThrow();
    String confirm = confirmToken(confirmation);
    assertThat(petitions.invitations().tokenAfterConfirmation(confirm)).isEmpty(); // pending: no token yet
    petitions.confirm(confirm);
    String invite = petitions.invitations().tokenAfterConfirmation(confirm).orElseThrow().token();

    assertThat(petitions.invitations().invite(SLUG, confirm, emails("a@example.com"), null))
        .isInstanceOf(InviteResult.InvalidToken.class);
    assertThat(petitions.invitations().invite(SLUG, revokeToken(confirmation), emails("a@example.com"), null))
        .isInstanceOf(InviteResult.InvalidToken.class);
    assertThat(petitions.invitations().invite(SLUG, invite + "x", emails("a@example.com"), null))
        .isInstanceOf(InviteResult.InvalidToken.class);
    assertThat(petitions.invitations().invite("second", invite, emails("a@example.com"), null))
        .isInstanceOf(InviteResult.InvalidToken.class);
    assertThat(petitions.invitations().invite("no-such-petition", invite, emails("a@example.com"), null))
        .isInstanceOf(InviteResult.UnknownPetition.class);
    assertThat(petitions.confirm(invite)).isInstanceOf(ConfirmResult.Invalid.class);
    assertThat(petitions.revoke(invite)).isInstanceOf(RevokeResult.Invalid.class);
    assertThat(petitions.invitations().suppress(invite)).isInstanceOf(SuppressResult.Invalid.class);
    assertThat(petitions.invitations().tokenAfterConfirmation(invite)).isEmpty();
    assertThat(outbox.messagesTo("a@example.com")).isEmpty();
  }

  @Test
  void theTokenExpiresAfterThirtyDaysAndDiesWithARevokedSignature() {
    Petitions petitions = petitions();
    String token = inviteToken(petitions, "jong@example.org");
    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(petitions.invitations().invite(SLUG, token, emails("a@example.com"), null))
        .isEqualTo(new InviteResult.Sent(1, 0));
    clock.advance(Duration.ofSeconds(1));
    assertThat(petitions.invitations().invite(SLUG, token, emails("b@example.com"), null))
        .isInstanceOf(InviteResult.ExpiredToken.class);

    outbox.clear();
    petitions.sign(person("Ana", "Lee", "ana@example.org").build());
    OutgoingMessage confirmation = outbox.latestTo("ana@example.org").orElseThrow();
    petitions.confirm(confirmToken(confirmation));
    String anas = petitions.invitations().tokenAfterConfirmation(confirmToken(confirmation)).orElseThrow().token();
    assertThat(petitions.revoke(revokeToken(confirmation))).isInstanceOf(RevokeResult.Revoked.class);
    assertThat(petitions.invitations().invite(SLUG, anas, emails("c@example.com"), null))
        .isInstanceOf(InviteResult.ExpiredToken.class);
    assertThat(outbox.messagesTo("c@example.com")).isEmpty();
  }

  @Test
  void anErasedSignatureInvitesNoMore() {
    Petitions petitions = petitions();
    String token = inviteToken(petitions, "jong@example.org");
    long id = petitions.store().bySubject(petitions.store().latest(SLUG, null, Long.MAX_VALUE, 1).get(0).data()
        .emailKey()).get(0).id();
    petitions.store().erase(id, true, clock.instant());
    assertThat(petitions.invitations().invite(SLUG, token, emails("c@example.com"), null))
        .isInstanceOf(InviteResult.ExpiredToken.class);
  }

  @Test
  void anAddressIsInvitedOncePerPetitionAndSkippedSilentlyAfter() {
    Petitions petitions = petitions();
    String first = inviteToken(petitions, "jong@example.org");
    assertThat(petitions.invitations().invite(SLUG, first, emails("friend@example.com"), null))
        .isEqualTo(new InviteResult.Sent(1, 0));
    String second = inviteToken(petitions, "ana@example.org");
    // The same address written otherwise (case, a plus tag), twice in one request, and a signer of the petition.
    assertThat(petitions.invitations().invite(SLUG, second,
        emails("Friend@Example.com", "new@example.com", "new@example.com", "jong@example.org"), null))
        .isEqualTo(new InviteResult.Sent(1, 3));
    assertThat(outbox.messagesTo("friend@example.com")).hasSize(1);
    assertThat(outbox.messagesTo("new@example.com")).hasSize(1);
    assertThat(petitions.invitations().stats(SLUG)).contains(new InvitationStats(2, 0));
  }

  @Test
  void neverEmailMeAgainSuppressesTheAddressOnEveryPetition() {
    Petitions petitions = petitions();
    String token = inviteToken(petitions, "jong@example.org");
    petitions.invitations().invite(SLUG, token, emails("friend@example.com"), null);
    String suppress = Fixtures.token(outbox.latestTo("friend@example.com").orElseThrow().revokeUrl());

    assertThat(petitions.invitations().suppress(suppress)).isInstanceOf(SuppressResult.Suppressed.class);
    assertThat(petitions.invitations().suppress(suppress)).isInstanceOf(SuppressResult.Suppressed.class);
    assertThat(petitions.invitations().suppress(suppress.substring(1))).isInstanceOf(SuppressResult.Invalid.class);
    assertThat(petitions.invitations().suppress(null)).isInstanceOf(SuppressResult.Invalid.class);

    // A signer of the second petition invites the same address: skipped, nothing sent.
    petitions.sign(SignatureRequest.builder("second").person("Ana", "Lee").email("ana@example.org").build());
    String confirm = confirmToken(outbox.latestTo("ana@example.org").orElseThrow());
    petitions.confirm(confirm);
    String anas = petitions.invitations().tokenAfterConfirmation(confirm).orElseThrow().token();
    assertThat(petitions.invitations().invite("second", anas, emails("friend@example.com"), null))
        .isEqualTo(new InviteResult.Sent(0, 1));
    assertThat(outbox.messagesTo("friend@example.com")).hasSize(1);

    clock.advance(Duration.ofDays(5 * 365));
    assertThat(petitions.invitations().suppress(suppress)).isInstanceOf(SuppressResult.Expired.class);
  }

  @Test
  void invalidAddressesAreEachNamedAndNothingIsSent() {
    Petitions petitions = petitions();
    String token = inviteToken(petitions, "jong@example.org");
    InviteResult result = petitions.invitations().invite(SLUG, token,
        emails("good@example.com", "not-an-address", "", "a@b"), null);
    assertThat(result).isInstanceOf(InviteResult.Rejected.class);
    List<Violation> violations = ((InviteResult.Rejected) result).violations();
    assertThat(violations).extracting(Violation::field).containsExactly("emails[1]", "emails[2]", "emails[3]");
    assertThat(violations.get(0).code()).isEqualTo("email.invalid");
    assertThat(violations.get(0).message()).contains("not-an-address");
    assertThat(violations.get(1).code()).isEqualTo("field.required");
    assertThat(outbox.messagesTo("good@example.com")).isEmpty();

    assertThat(petitions.invitations().invite(SLUG, token, List.of(), null))
        .isEqualTo(new InviteResult.Rejected(List.of(new Violation("emails", "field.required",
            "emails must list at least one address"))));
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("f" + i + "@example.com");
    }
    InviteResult tooMany = petitions.invitations().invite(SLUG, token, eleven, null);
    assertThat(((InviteResult.Rejected) tooMany).violations().get(0).code()).isEqualTo("emails.too_many");
    assertThat(petitions.invitations().stats(SLUG)).contains(new InvitationStats(0, 0));
  }

  @Test
  void aSignerInvitesTenADayAndTheAllowanceReturnsAsTheDayPasses() {
    Petitions petitions = petitions();
    String token = inviteToken(petitions, "jong@example.org");
    List<String> seven = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      seven.add("a" + i + "@example.com");
    }
    assertThat(petitions.invitations().invite(SLUG, token, seven, null)).isEqualTo(new InviteResult.Sent(7, 0));
    clock.advance(Duration.ofHours(1));
    assertThat(petitions.invitations().invite(SLUG, token, emails("b1@example.com", "b2@example.com",
        "b3@example.com"), null)).isEqualTo(new InviteResult.Sent(3, 0));
    InviteResult limited = petitions.invitations().invite(SLUG, token, emails("c@example.com"), null);
    assertThat(limited).isInstanceOf(InviteResult.Limited.class);
    // The first seven leave the 24-hour window 23 hours from now.
    assertThat(((InviteResult.Limited) limited).retryAfter()).isEqualTo(Duration.ofHours(23));
    assertThat(outbox.messagesTo("c@example.com")).isEmpty();

    clock.advance(Duration.ofHours(23));
    assertThat(petitions.invitations().invite(SLUG, token, emails("c@example.com"), null))
        .isEqualTo(new InviteResult.Sent(1, 0));
  }

  @Test
  void aFloodFromOneNetworkIsRefusedWhateverTheSigner() {
    Petitions petitions = petitions(InvitationLimits.builder().perNetworkPerDay(4).build());
    String one = inviteToken(petitions, "one@example.org");
    String two = inviteToken(petitions, "two@example.org");
    assertThat(petitions.invitations().invite(SLUG, one, emails("a@example.com", "b@example.com", "c@example.com"),
        "198.51.100.10")).isEqualTo(new InviteResult.Sent(3, 0));
    assertThat(petitions.invitations().invite(SLUG, two, emails("d@example.com", "e@example.com"), "198.51.100.77"))
        .isInstanceOf(InviteResult.Limited.class);
    assertThat(petitions.invitations().invite(SLUG, two, emails("d@example.com", "e@example.com"), "192.0.2.1"))
        .isEqualTo(new InviteResult.Sent(2, 0));
  }

  @Test
  void signaturesThroughAnInvitationLinkAreCountedInTheAggregateOnceTheyCount() {
    Petitions petitions = petitions();
    String token = inviteToken(petitions, "jong@example.org");
    petitions.invitations().invite(SLUG, token, emails("friend@example.com", "other@example.com"), null);

    petitions.sign(person("Mina", "Park", "friend@example.com").viaInvitation(true).build());
    assertThat(petitions.invitations().stats(SLUG)).contains(new InvitationStats(2, 0)); // pending
    petitions.confirm(confirmToken(outbox.latestTo("friend@example.com").orElseThrow()));
    petitions.sign(person("Direct", "Signer", "direct@example.com").build());
    petitions.confirm(confirmToken(outbox.latestTo("direct@example.com").orElseThrow()));

    assertThat(petitions.invitations().stats(SLUG)).contains(new InvitationStats(2, 1));
    assertThat(petitions.invitations().stats("no-such-petition")).isEmpty();
  }

  @Test
  void zeroADayTurnsInvitationsOff() {
    Petitions petitions = petitions(InvitationLimits.builder().perSignerPerDay(0).build());
    assertThat(petitions.invitations().tokenAfterConfirmation(signAndConfirm(petitions, "jong@example.org")))
        .isEmpty();
  }
}
