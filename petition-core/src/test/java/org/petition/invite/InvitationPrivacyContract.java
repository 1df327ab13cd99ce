package org.petition.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.AccessResult;
import org.petition.ConfirmResult;
import org.petition.ErasureResult;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.store.SignatureStore;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * What is kept of invitations, through {@link Petitions} on a store: the invitee's subject access sees the
 * invitations its address received, its erasure forgets them (the suppression it asked for stays, and so do the
 * petition's counts), and retention forgets a closed petition's invitations and attributions while its
 * aggregates stay.
 */
public abstract class InvitationPrivacyContract {

  private static final String OPEN = "us-troops-out-of-korea";
  private static final String CLOSING = "closing-soon";

  /** A fresh store that keeps invitations; for a database store, in a schema or database of its own. */
  protected abstract SignatureStore newStore();

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox).store(newStore()).build();
    petitions.register(Fixtures.seedPetition());
    petitions.register(Petition.builder(CLOSING).title("A petition that closes in ten days").goal(10)
        .consent(Fixtures.TERMS).consent(Fixtures.PRIVACY).consent(Fixtures.PROCESSING)
        .closesAt(Fixtures.START.plus(Duration.ofDays(10))).build());
  }

  private String signAndConfirm(String slug, String email, boolean viaInvitation) {
    petitions.sign(person("Jong", "Suks", email).petition(slug).viaInvitation(viaInvitation).build());
    String confirm = confirmToken(outbox.latestTo(email).orElseThrow());
    assertThat(petitions.confirm(confirm)).isInstanceOf(ConfirmResult.Confirmed.class);
    return confirm;
  }

  private void invite(String slug, String inviter, String... emails) {
    String token = petitions.invitations().tokenAfterConfirmation(signAndConfirm(slug, inviter, false))
        .orElseThrow().token();
    assertThat(petitions.invitations().invite(slug, token, List.of(emails), "203.0.113.7"))
        .isEqualTo(new InviteResult.Sent(emails.length, 0));
  }

  private String access(String email) {
    clock.advance(Duration.ofMinutes(2)); // past the one access mail a minute per address
    assertThat(petitions.subjects().requestAccess(email, Locale.ENGLISH)).isEmpty();
    OutgoingMessage mail = outbox.latestTo(email).orElseThrow();
    assertThat(mail.kind()).isEqualTo(MessageKind.SUBJECT_ACCESS); // held: the invitation counts as data
    AccessResult result = petitions.subjects().accessByLink(Fixtures.token(mail.actionUrl()));
    return ((AccessResult.Granted) result).json();
  }

  @Test
  void anInviteeWhoNeverSignedSeesAndErasesTheInvitationsButKeepsTheSuppression() {
    invite(OPEN, "jong@example.org", "friend@example.com");
    OutgoingMessage invitation = outbox.latestTo("friend@example.com").orElseThrow();
    assertThat(petitions.invitations().suppress(Fixtures.token(invitation.revokeUrl())))
        .isInstanceOf(org.petition.invite.SuppressResult.Suppressed.class);

    String json = access("friend@example.com");
    assertThat(json).contains("\"signatures\":[]")
        .contains("\"invitations\":[{\"petition\":\"" + OPEN + "\",\"sentAt\":\"" + Fixtures.START + "\"}]")
        .contains("\"invitationsSuppressedAt\":\"" + Fixtures.START + "\"")
        .doesNotContain("jong@example.org").doesNotContain("Jong"); // nothing says who invited

    assertThat(petitions.subjects().requestErasure("friend@example.com", Locale.ENGLISH)).isEmpty();
    OutgoingMessage erase = outbox.latestTo("friend@example.com").orElseThrow();
    assertThat(erase.kind()).isEqualTo(MessageKind.CONFIRM_ERASURE);
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(erase.actionUrl())))
        .isEqualTo(new ErasureResult.Erased(0, 0));
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(erase.actionUrl())))
        .isInstanceOf(ErasureResult.AlreadyErased.class);

    assertThat(access("friend@example.com")).contains("\"invitations\":[]")
        .contains("\"invitationsSuppressedAt\":\"" + Fixtures.START + "\"");
    assertThat(petitions.invitations().stats(OPEN)).contains(new InvitationStats(1, 0)); // the count stays
    // Still suppressed: a new invitation is skipped, not sent.
    String again = petitions.invitations().tokenAfterConfirmation(signAndConfirm("closing-soon", "ann@example.org",
        false)).orElseThrow().token();
    assertThat(petitions.invitations().invite(CLOSING, again, List.of("friend@example.com"), null))
        .isEqualTo(new InviteResult.Sent(0, 1));
  }

  @Test
  void anInviteesErasureForgetsTheInvitationsAlongWithTheirSignature() {
    invite(OPEN, "jong@example.org", "friend@example.com");
    signAndConfirm(OPEN, "friend@example.com", true);
    assertThat(petitions.invitations().stats(OPEN)).contains(new InvitationStats(1, 1));

    assertThat(petitions.subjects().requestErasure("friend@example.com", Locale.ENGLISH)).isEmpty();
    OutgoingMessage erase = outbox.latestTo("friend@example.com").orElseThrow();
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(erase.actionUrl())))
        .isEqualTo(new ErasureResult.Erased(1, 0));

    assertThat(petitions.invitations().stats(OPEN)).contains(new InvitationStats(1, 0)); // revoked: no longer counts
    assertThat(petitions.subjects().access("friend@example.com")).contains("\"invitations\":[]");
    // The address may be invited to this petition again: nothing of the first invitation is left.
    String token = petitions.invitations().tokenAfterConfirmation(signAndConfirm(OPEN, "ann@example.org", false))
        .orElseThrow().token();
    assertThat(petitions.invitations().invite(OPEN, token, List.of("friend@example.com"), null))
        .isEqualTo(new InviteResult.Sent(1, 0));
  }

  @Test
  void retentionForgetsAClosedPetitionsInvitationsAndKeepsItsAggregates() {
    invite(CLOSING, "jong@example.org", "friend@example.com", "other@example.net");
    invite(OPEN, "ann@example.org", "other@example.net");
    signAndConfirm(CLOSING, "friend@example.com", true);
    assertThat(petitions.invitations().stats(CLOSING)).contains(new InvitationStats(2, 1));
    assertThat(petitions.subjects().access("other@example.net")).contains("\"petition\":\"" + CLOSING + "\"");

    clock.advance(Duration.ofDays(10 + 181));
    assertThat(petitions.subjects().applyRetention(100)).isEqualTo(2); // the two signatures of the closed petition

    assertThat(petitions.invitations().stats(CLOSING)).contains(new InvitationStats(2, 1)); // aggregates stay
    String other = petitions.subjects().access("other@example.net");
    assertThat(other).doesNotContain(CLOSING).contains("\"invitations\":[{\"petition\":\"" + OPEN + "\"");
    assertThat(petitions.subjects().access("friend@example.com")).contains("\"signatures\":[]")
        .contains("\"invitations\":[]");
    assertThat(petitions.invitations().stats(OPEN)).contains(new InvitationStats(1, 0)); // an open petition: kept
    petitions.subjects().applyRetention(100); // again: nothing more to forget, the aggregates do not move
    assertThat(petitions.invitations().stats(CLOSING)).contains(new InvitationStats(2, 1));
  }
}
