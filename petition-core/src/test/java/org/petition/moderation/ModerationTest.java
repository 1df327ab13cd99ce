package org.petition.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.PublicSignature;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.mail.InMemoryOutbox;
import org.petition.store.ModerationAction;
import org.petition.store.SignatureCriteria;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

class ModerationTest {

  private static final String PETITION = "us-troops-out-of-korea";
  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;

  @BeforeEach
  void setUp() {
    petitions = Fixtures.petitions(clock, outbox)
        .check(input -> input.comment() != null && input.comment().contains("hold me")
            ? List.of(Finding.of("test.hold", Severity.HIGH, "comment", "held by the test check"))
            : List.of())
        .build();
    petitions.register(Fixtures.seedPetition());
  }

  private long confirmed() {
    return petitions.tally(PETITION).orElseThrow().confirmed();
  }

  private ConfirmResult signAndConfirm(String email, String comment) {
    String local = email.substring(0, email.indexOf('@')).replaceAll("[^a-z]", "");
    petitions.sign(person("Signer", "Of" + local, email).comment(comment).build());
    return petitions.confirm(confirmToken(outbox.latestTo(email).orElseThrow()));
  }

  @Test
  void aHeldSignatureCountsOnlyOnceApproved() {
    assertThat(signAndConfirm("held@example.org", "please hold me")).isInstanceOf(ConfirmResult.AwaitingReview.class);
    assertThat(confirmed()).isZero();
    assertThat(petitions.latest(PETITION, null, 10).items()).isEmpty();

    List<HeldSignature> held = petitions.moderation().held(PETITION, 0, 10);
    assertThat(held).singleElement().satisfies(h -> {
      assertThat(h.findings()).extracting(Finding::code).contains("test.hold");
      assertThat(h.emailDomain()).isEqualTo("example.org");
      assertThat(h.toString()).doesNotContain("held@example.org");
    });

    assertThat(petitions.moderation().approve(held.get(0).id(), "moderator-1", "families share names")).isTrue();

    assertThat(confirmed()).isEqualTo(1);
    assertThat(petitions.latest(PETITION, null, 10).items()).extracting(PublicSignature::number).containsExactly(1L);
    assertThat(petitions.moderation().held(PETITION, 0, 10)).isEmpty();
    assertThat(petitions.confirm(confirmToken(outbox.latestTo("held@example.org").orElseThrow())))
        .isEqualTo(new ConfirmResult.AlreadyConfirmed(1));
  }

  @Test
  void approvingAPendingHeldSignatureLetsItCountOnConfirmation() {
    petitions.sign(person("Pending", "Held", "ph@example.org").comment("hold me").build());
    long id = petitions.moderation().held(PETITION, 0, 10).get(0).id();

    petitions.moderation().approve(id, "moderator-1", "looks fine");

    assertThat(confirmed()).isZero();
    assertThat(petitions.confirm(confirmToken(outbox.latestTo("ph@example.org").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(1));
  }

  @Test
  void removalAndUndoCorrectTheCountsAndKeepTheNumber() {
    signAndConfirm("a@example.org", "first");
    signAndConfirm("b@example.org", "second");
    long idOfFirst = petitions.store().search(PETITION,
        SignatureCriteria.builder().displayNamePattern(java.util.regex.Pattern.compile("^Signer O")).build(), 0, 10)
        .get(0).id();

    ModerationAction action = petitions.moderation().remove(idOfFirst, "moderator-1", "spam").orElseThrow();
    assertThat(confirmed()).isEqualTo(1);
    assertThat(petitions.latest(PETITION, null, 10).items()).extracting(PublicSignature::number).containsExactly(2L);

    assertThat(petitions.moderation().undo(action.id(), "moderator-2")).isEqualTo(1);
    assertThat(confirmed()).isEqualTo(2);
    assertThat(petitions.latest(PETITION, null, 10).items()).extracting(PublicSignature::number).containsExactly(2L, 1L);
    assertThat(petitions.moderation().undo(action.id(), "moderator-3")).isZero();
    // The log says who removed and who undid; the second, idle undoing does not replace the first.
    assertThat(petitions.moderation().log(PETITION, 10)).first().satisfies(a -> {
      assertThat(a.id()).isEqualTo(action.id());
      assertThat(a.moderator()).isEqualTo("moderator-1");
      assertThat(a.undoneAt()).isEqualTo(clock.instant());
      assertThat(a.undoneBy()).isEqualTo("moderator-2");
    });
  }

  @Test
  void everyDecisionIsRecordedWithItsModeratorTheUndoingToo() {
    petitions.sign(person("Held", "Signer", "held2@example.org").comment("hold me").build());
    long held = petitions.moderation().held(PETITION, 0, 10).get(0).id();
    assertThat(petitions.moderation().approve(held, "alice", "a real person")).isTrue();
    signAndConfirm("spam@example.org", "spam");
    long spam = petitions.store().search(PETITION,
        SignatureCriteria.builder().displayNamePattern(java.util.regex.Pattern.compile("^Signer O")).build(), 0, 10)
        .get(0).id();
    ModerationAction removal = petitions.moderation().remove(spam, "bob", "spam").orElseThrow();
    BulkResult bulk = petitions.moderation().removeAll(PETITION,
        SignatureCriteria.builder().emailDomain("example.org").build(), "carol", "a farm", 10);
    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(petitions.moderation().undo(removal.id(), "dave")).isEqualTo(1);

    List<ModerationAction> log = petitions.moderation().log(PETITION, 10);
    assertThat(log).extracting(ModerationAction::kind).containsExactly(ModerationAction.Kind.BULK_REMOVE,
        ModerationAction.Kind.REMOVE, ModerationAction.Kind.APPROVE);
    assertThat(log).extracting(ModerationAction::moderator).containsExactly("carol", "bob", "alice");
    assertThat(log).extracting(ModerationAction::undoneBy).containsExactly(null, "dave", null);
    assertThat(log.get(1).undoneAt()).isEqualTo(clock.instant());
    assertThat(bulk.actionId()).isEqualTo(log.get(0).id());

    assertThatThrownBy(() -> petitions.moderation().undo(bulk.actionId(), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moderator");
    assertThat(petitions.moderation().log(PETITION, 1).get(0).undoneAt()).isNull();
  }

  @Test
  void bulkInvalidationByDomainRemovesInBatchesIsRecordedAndReversible() {
    for (int i = 0; i < 7; i++) {
      signAndConfirm("bot" + i + "@spamfarm.example.net", "bulk");
    }
    signAndConfirm("real@example.org", "real");
    assertThat(confirmed()).isEqualTo(8);

    BulkResult result = petitions.moderation().removeAll(PETITION,
        SignatureCriteria.builder().emailDomain("spamfarm.example.net").build(), "moderator-1", "39,000 from the Vatican", 3);

    assertThat(result.removed()).isEqualTo(7);
    assertThat(result.uncounted()).isEqualTo(7);
    assertThat(confirmed()).isEqualTo(1);
    ModerationAction logged = petitions.moderation().log(PETITION, 1).get(0);
    assertThat(logged.kind()).isEqualTo(ModerationAction.Kind.BULK_REMOVE);
    assertThat(logged.moderator()).isEqualTo("moderator-1");
    assertThat(logged.reason()).isEqualTo("39,000 from the Vatican");
    assertThat(logged.criteria()).isEqualTo("email domain spamfarm.example.net");
    assertThat(logged.signatureIds()).hasSize(7);

    assertThat(petitions.moderation().undo(result.actionId(), "moderator-2")).isEqualTo(7);
    assertThat(confirmed()).isEqualTo(8);
  }

  @Test
  void aRemovedAddressCannotSimplySignAgain() {
    signAndConfirm("spammer@example.org", "buy");
    long id = petitions.moderation().log(PETITION, 1).isEmpty()
        ? petitions.store().search(PETITION, SignatureCriteria.builder().emailDomain("example.org").build(), 0, 1).get(0).id()
        : 0;
    petitions.moderation().remove(id, "moderator-1", "spam");

    petitions.sign(person("Signer", "Again", "spammer@example.org").build());

    assertThat(outbox.latestTo("spammer@example.org").orElseThrow().kind())
        .isEqualTo(org.petition.mail.MessageKind.ALREADY_SIGNED);
  }

  @Test
  void decisionsNeedAModeratorAndAReason() {
    assertThatThrownBy(() -> petitions.moderation().approve(1, " ", "x")).hasMessage("moderator must not be blank");
    assertThatThrownBy(() -> petitions.moderation().remove(1, "m", ""))
        .hasMessage("reason must not be blank: decisions are audited");
    assertThatThrownBy(() -> SignatureCriteria.builder().build())
        .hasMessageContaining("at least one criterion is required");
  }
}
