package org.petition.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.petition.store.TestSignatures.T0;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;


/**
 * What every {@link SignatureStore} must do, run against each implementation by a subclass. Each test works
 * on petitions of its own (random slugs), so a subclass may share one database between tests.
 */
public abstract class SignatureStoreContract extends CoSigningStoreContract {

  /** A store to test; for a database store, over a database of the test class. */
  protected abstract SignatureStore newStore();

  /** How many signatures the concurrency test confirms. */
  protected int concurrencySize() {
    return 240;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** Saves a fresh petition with a random slug and returns the slug. */
  @Override
  protected String newPetition() {
    String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
    store.savePetition(Petition.builder(slug).title("Save the park").goal(1000).goal("US", 200).build());
    return slug;
  }

  private long inserted(NewSignature signature) {
    InsertOutcome outcome = store.insert(signature, false);
    assertThat(outcome).isInstanceOf(InsertOutcome.Inserted.class);
    return ((InsertOutcome.Inserted) outcome).id();
  }

  private long confirmed(NewSignature signature) {
    long id = inserted(signature);
    assertThat(store.confirm(id, T0.plusSeconds(60))).isInstanceOf(ConfirmOutcome.Counted.class);
    return id;
  }

  @Test
  void insertedSignatureIsFoundWithEveryField() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, "frank@example.org").phone("+12025550143")
        .finding(TestSignatures.rateFinding())
        .finding(Finding.fraud("bot.too_fast", Severity.LOW, "request", "Sent 0.4 s after the form loaded."))
        .build();
    long id = inserted(signature);

    StoredSignature stored = store.find(id).orElseThrow();
    assertThat(stored.id()).isEqualTo(id);
    assertThat(stored.state()).isEqualTo(SignatureState.PENDING);
    assertThat(stored.number()).isZero();
    assertThat(stored.confirmedAt()).isNull();
    assertThat(stored.counted()).isFalse();
    assertSameData(stored.data(), signature);
    assertThat(store.find(id + 1_000_000)).isEmpty();
  }

  @Test
  void nullableFieldsRoundTripAsNull() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, "anon@example.org").displayName(null).comment(null)
        .city(null).country(null).kind(SignerKind.ORGANIZATION).build();
    NewSignature bare = new NewSignature(signature.petition(), signature.kind(), signature.emailKey(), 0, null,
        signature.nameKey(), null, null, true, null, true, null, null, null, "example.org", null,
        signature.sealedPersonalData(), signature.signedAt(), false, List.of(), List.of(), null, null, "ko");
    long id = inserted(bare);
    assertSameData(store.find(id).orElseThrow().data(), bare);
  }

  protected static void assertSameData(NewSignature actual, NewSignature expected) {
    assertThat(actual.petition()).isEqualTo(expected.petition());
    assertThat(actual.kind()).isEqualTo(expected.kind());
    assertThat(actual.emailKey()).isEqualTo(expected.emailKey());
    assertThat(actual.householdSlot()).isEqualTo(expected.householdSlot());
    assertThat(actual.phoneKey()).isEqualTo(expected.phoneKey());
    assertThat(actual.nameKey()).isEqualTo(expected.nameKey());
    assertThat(actual.networkKey()).isEqualTo(expected.networkKey());
    assertThat(actual.displayName()).isEqualTo(expected.displayName());
    assertThat(actual.nickname()).isEqualTo(expected.nickname());
    assertThat(actual.comment()).isEqualTo(expected.comment());
    assertThat(actual.commentHidden()).isEqualTo(expected.commentHidden());
    assertThat(actual.affiliation()).isEqualTo(expected.affiliation());
    assertThat(actual.city()).isEqualTo(expected.city());
    assertThat(actual.country()).isEqualTo(expected.country());
    assertThat(actual.emailDomain()).isEqualTo(expected.emailDomain());
    assertThat(actual.network()).isEqualTo(expected.network());
    assertThat(actual.sealedPersonalData()).isEqualTo(expected.sealedPersonalData());
    assertThat(actual.signedAt()).isEqualTo(expected.signedAt());
    assertThat(actual.held()).isEqualTo(expected.held());
    assertThat(actual.findings()).isEqualTo(expected.findings());
    assertThat(actual.consents()).isEqualTo(expected.consents());
    assertThat(actual.formId()).isEqualTo(expected.formId());
    assertThat(actual.userAgentHash()).isEqualTo(expected.userAgentHash());
    assertThat(actual.locale()).isEqualTo(expected.locale());
  }

  @Test
  void secondLiveSignatureWithTheSameEmailAndSlotIsRefused() {
    String petition = newPetition();
    long first = inserted(TestSignatures.on(petition, "ann@example.org").build());
    assertThat(store.insert(TestSignatures.on(petition, "ann@example.org").name("Ann", "Other").build(), false))
        .isEqualTo(new InsertOutcome.DuplicateEmail(first));
    // Confirmed holders block as well, and so does confirming-at-insert.
    store.confirm(first, T0);
    assertThat(store.insert(TestSignatures.on(petition, "ann@example.org").build(), true))
        .isEqualTo(new InsertOutcome.DuplicateEmail(first));
    assertThat(store.counts(petition).total()).isEqualTo(1);
  }

  @Test
  void householdSlotsShareAnEmail() {
    String petition = newPetition();
    NewSignature ann = TestSignatures.on(petition, "family@example.org").name("Ann", "Lee").build();
    NewSignature bob = TestSignatures.on(petition, "family@example.org").name("Bob", "Lee").slot(1).build();
    long annId = inserted(ann);
    long bobId = inserted(bob);
    assertThat(store.insert(TestSignatures.on(petition, "family@example.org").name("Cy", "Lee").slot(1).build(),
        false)).isEqualTo(new InsertOutcome.DuplicateEmail(bobId));

    List<HouseholdMember> members = store.household(petition, ann.emailKey());
    assertThat(members).extracting(HouseholdMember::id).containsExactly(annId, bobId);
    assertThat(members).extracting(HouseholdMember::slot).containsExactly(0, 1);
    assertThat(members.get(1).nameKey()).isEqualTo(bob.nameKey());

    store.revoke(annId, T0);
    assertThat(store.household(petition, ann.emailKey())).extracting(HouseholdMember::id).containsExactly(bobId);
    assertThat(store.household(petition, TestSignatures.key("nobody"))).isEmpty();
    assertThat(store.household("no-such-petition", ann.emailKey())).isEmpty();
  }

  @Test
  void secondLiveSignatureWithTheSamePhoneIsRefused() {
    String petition = newPetition();
    long first = inserted(TestSignatures.on(petition, "a@example.org").phone("+821012345678").build());
    assertThat(store.insert(TestSignatures.on(petition, "b@example.org").phone("+821012345678").build(), false))
        .isEqualTo(new InsertOutcome.DuplicatePhone(first));
    // No phone never conflicts.
    inserted(TestSignatures.on(petition, "c@example.org").phone(null).build());
    inserted(TestSignatures.on(petition, "d@example.org").phone(null).build());
  }

  @Test
  void emailIsCheckedBeforePhone() {
    String petition = newPetition();
    long first = inserted(TestSignatures.on(petition, "a@example.org").phone("+14155550100").build());
    assertThat(store.insert(TestSignatures.on(petition, "a@example.org").phone("+14155550100").build(), false))
        .isEqualTo(new InsertOutcome.DuplicateEmail(first));
  }

  @Test
  void uniquenessIsPerPetition() {
    String one = newPetition();
    String two = newPetition();
    inserted(TestSignatures.on(one, "a@example.org").phone("+14155550100").build());
    inserted(TestSignatures.on(two, "a@example.org").phone("+14155550100").build());
  }

  @Test
  void nearDuplicatesShareANameAndACityOrNetwork() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, "a@example.org").name("Frank", "Castellano")
        .city("Springfield").ip("198.51.100.7").build();
    long id = inserted(signature);
    byte[] name = signature.nameKey();
    assertThat(store.hasNearDuplicate(petition, name, "SPRINGFIELD", null)).isTrue();
    assertThat(store.hasNearDuplicate(petition, name, "Shelbyville", signature.networkKey())).isTrue();
    assertThat(store.hasNearDuplicate(petition, name, "Shelbyville", TestSignatures.key("other"))).isFalse();
    assertThat(store.hasNearDuplicate(petition, name, null, null)).isFalse();
    assertThat(store.hasNearDuplicate(petition, TestSignatures.nameKey("Other Person"), "Springfield", null))
        .isFalse();
    assertThat(store.hasNearDuplicate("no-such-petition", name, "Springfield", null)).isFalse();
    store.revoke(id, T0);
    assertThat(store.hasNearDuplicate(petition, name, "Springfield", signature.networkKey())).isFalse();
  }

  @Test
  void confirmationCountsAndNumbersInOrder() {
    String petition = newPetition();
    long a = inserted(TestSignatures.on(petition, "a@example.org").country("US").build());
    long b = inserted(TestSignatures.on(petition, "b@example.org").country("KR").build());
    long c = inserted(TestSignatures.on(petition, "c@example.org").country(null).build());
    assertThat(store.counts(petition)).isEqualTo(new Counts(0, Map.of()));

    Instant at = T0.plusSeconds(30);
    ConfirmOutcome first = store.confirm(a, at);
    ConfirmOutcome second = store.confirm(b, at);
    ConfirmOutcome third = store.confirm(c, at);
    // signedAt: the signing's own time (TestSignatures.T0), so the library need not read it again for its events.
    assertThat(first).isEqualTo(new ConfirmOutcome.Counted(((ConfirmOutcome.Counted) first).number(), "US", T0));
    assertThat(second).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(((ConfirmOutcome.Counted) third).country()).isNull();
    long n1 = ((ConfirmOutcome.Counted) first).number();
    long n2 = ((ConfirmOutcome.Counted) second).number();
    long n3 = ((ConfirmOutcome.Counted) third).number();
    assertThat(n1).isPositive();
    assertThat(n2).isGreaterThan(n1);
    assertThat(n3).isGreaterThan(n2);

    StoredSignature stored = store.find(b).orElseThrow();
    assertThat(stored.state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(stored.number()).isEqualTo(n2);
    assertThat(stored.confirmedAt()).isEqualTo(at);
    assertThat(stored.counted()).isTrue();
    assertThat(store.counts(petition)).isEqualTo(new Counts(3, Map.of("US", 1L, "KR", 1L)));
  }

  @Test
  void confirmingTwiceAnswersAlreadyConfirmedAndCountsOnce() {
    String petition = newPetition();
    long id = inserted(TestSignatures.on(petition, "a@example.org").build());
    long number = ((ConfirmOutcome.Counted) store.confirm(id, T0)).number();
    assertThat(store.confirm(id, T0.plusSeconds(5))).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(number));
    assertThat(store.counts(petition).total()).isEqualTo(1);
    assertThat(store.find(id).orElseThrow().confirmedAt()).isEqualTo(T0);
  }

  @Test
  void confirmingWhatIsNotThereOrGone() {
    String petition = newPetition();
    assertThat(store.confirm(987_654_321L, T0)).isEqualTo(new ConfirmOutcome.NotFound());
    long id = inserted(TestSignatures.on(petition, "a@example.org").build());
    store.revoke(id, T0);
    assertThat(store.confirm(id, T0)).isEqualTo(new ConfirmOutcome.Gone());
    assertThat(store.counts(petition).total()).isZero();
  }

  @Test
  void heldSignaturesConfirmWithoutCounting() {
    String petition = newPetition();
    long id = inserted(TestSignatures.on(petition, "a@example.org").held(true).build());
    assertThat(store.confirm(id, T0)).isEqualTo(new ConfirmOutcome.Held());
    StoredSignature stored = store.find(id).orElseThrow();
    assertThat(stored.state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(stored.number()).isZero();
    assertThat(stored.counted()).isFalse();
    assertThat(store.confirm(id, T0)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(0));
    assertThat(store.counts(petition)).isEqualTo(new Counts(0, Map.of()));
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).isEmpty();
    assertThat(store.revoke(id, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
  }

  @Test
  void insertConfirmedNowCountsAtOnce() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, "a@example.org").signedAt(T0.plusSeconds(7)).build();
    long id = ((InsertOutcome.Inserted) store.insert(signature, true)).id();
    StoredSignature stored = store.find(id).orElseThrow();
    assertThat(stored.state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(stored.number()).isPositive();
    assertThat(stored.confirmedAt()).isEqualTo(signature.signedAt());
    assertThat(store.counts(petition)).isEqualTo(new Counts(1, Map.of("US", 1L)));
    assertThat(store.confirm(id, T0)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(stored.number()));

    long held = ((InsertOutcome.Inserted) store.insert(
        TestSignatures.on(petition, "b@example.org").held(true).build(), true)).id();
    assertThat(store.find(held).orElseThrow().state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(store.find(held).orElseThrow().number()).isZero();
    assertThat(store.counts(petition).total()).isEqualTo(1);
  }

  @Test
  void revokingCorrectsCountsErasesAndFreesTheKeys() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, "a@example.org").phone("+14155550100").build();
    long id = confirmed(signature);
    long other = confirmed(TestSignatures.on(petition, "b@example.org").country("KR").build());
    assertThat(store.counts(petition)).isEqualTo(new Counts(2, Map.of("US", 1L, "KR", 1L)));

    assertThat(store.revoke(id, T0.plusSeconds(90))).isEqualTo(new RemoveOutcome.Removed(true, "US"));
    assertThat(store.counts(petition)).isEqualTo(new Counts(1, Map.of("KR", 1L)));
    assertThat(store.revoke(id, T0)).isEqualTo(new RemoveOutcome.AlreadyGone());
    assertThat(store.revoke(987_654_321L, T0)).isEqualTo(new RemoveOutcome.NotFound());
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id)
        .containsExactly(other);

    StoredSignature revoked = store.find(id).orElseThrow();
    assertThat(revoked.state()).isEqualTo(SignatureState.REVOKED);
    assertThat(revoked.counted()).isFalse();
    NewSignature erased = revoked.data();
    assertThat(erased.emailKey()).isEmpty();
    assertThat(erased.phoneKey()).isNull();
    assertThat(erased.nameKey()).isEmpty();
    assertThat(erased.networkKey()).isNull();
    assertThat(erased.displayName()).isNull();
    assertThat(erased.comment()).isNull();
    assertThat(erased.affiliation()).isNull();
    assertThat(erased.city()).isNull();
    assertThat(erased.network()).isNull();
    assertThat(erased.emailDomain()).isEmpty();
    assertThat(erased.sealedPersonalData()).isEmpty();
    assertThat(erased.userAgentHash()).isNull();
    assertThat(erased.country()).isEqualTo("US");
    assertThat(erased.consents()).isEqualTo(signature.consents());

    // The same person may sign again: email and phone keys are free.
    long again = confirmed(TestSignatures.on(petition, "a@example.org").phone("+14155550100").build());
    assertThat(again).isNotEqualTo(id);
    assertThat(store.counts(petition)).isEqualTo(new Counts(2, Map.of("US", 1L, "KR", 1L)));
  }

  @Test
  void revokingAPendingSignatureCountsNothing() {
    String petition = newPetition();
    long id = inserted(TestSignatures.on(petition, "a@example.org").build());
    confirmed(TestSignatures.on(petition, "b@example.org").build());
    assertThat(store.revoke(id, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.counts(petition).total()).isEqualTo(1);
    inserted(TestSignatures.on(petition, "a@example.org").build());
  }

  @Test
  void purgeDeletesOldPendingSignaturesOnly() {
    String petition = newPetition();
    // Far in the past, so no other test's signature is older than the cutoff.
    Instant old = Instant.parse("2001-01-01T00:00:00Z");
    Set<Long> expired = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      expired.add(inserted(TestSignatures.on(petition, "old" + i + "@example.org").signedAt(old.plusSeconds(i))
          .build()));
    }
    long oldConfirmed = confirmed(TestSignatures.on(petition, "kept@example.org").signedAt(old).build());
    long fresh = inserted(TestSignatures.on(petition, "fresh@example.org").signedAt(old.plus(Duration.ofDays(30)))
        .build());
    Instant cutoff = old.plus(Duration.ofDays(7));

    List<StoredSignature> first = store.purgePending(cutoff, 3);
    assertThat(first).hasSize(3);
    List<StoredSignature> rest = store.purgePending(cutoff, 10);
    assertThat(rest).hasSize(2);
    Set<Long> purged = new HashSet<>();
    first.forEach(s -> purged.add(s.id()));
    rest.forEach(s -> purged.add(s.id()));
    assertThat(purged).isEqualTo(expired);
    assertThat(first.get(0).state()).isEqualTo(SignatureState.PENDING);
    assertThat(first.get(0).petition()).isEqualTo(petition);
    assertThat(store.purgePending(cutoff, 10)).isEmpty();
    assertThat(store.purgePending(cutoff, 0)).isEmpty();

    for (long id : expired) {
      assertThat(store.find(id)).isEmpty();
      assertThat(store.confirm(id, T0)).isEqualTo(new ConfirmOutcome.NotFound());
    }
    assertThat(store.find(oldConfirmed)).isPresent();
    assertThat(store.find(fresh)).isPresent();
    // A purged signing frees its email.
    inserted(TestSignatures.on(petition, "old0@example.org").build());
  }

  @Test
  void purgeReachesExpiredPendingSignaturesBehindManyThatAreNoLongerPending() {
    String petition = newPetition();
    // Its own era, after purgeDeletesOldPendingSignaturesOnly's cutoff; others' older leftovers may be purged
    // too, so only this petition's signatures are checked.
    Instant old = Instant.parse("2002-06-01T00:00:00Z");
    Set<Long> kept = new HashSet<>();
    for (int i = 0; i < 40; i++) { // signed first: oldest, so at the head of any queue of expiring signings
      kept.add(confirmed(TestSignatures.on(petition, "c" + i + "@example.org").signedAt(old.plusSeconds(i)).build()));
    }
    for (int i = 0; i < 5; i++) {
      long revoked = inserted(TestSignatures.on(petition, "r" + i + "@example.org").signedAt(old.plusSeconds(50 + i))
          .build());
      assertThat(store.revoke(revoked, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
      kept.add(revoked);
    }
    Set<Long> expired = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      expired.add(inserted(TestSignatures.on(petition, "p" + i + "@example.org").signedAt(old.plusSeconds(100 + i))
          .build()));
    }
    // Removed by a moderator while pending, and restored: pending again, so it expires like the others.
    long restored = inserted(TestSignatures.on(petition, "m@example.org").signedAt(old.plusSeconds(200)).build());
    assertThat(store.remove(restored, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.restore(restored, T0)).isTrue();
    expired.add(restored);
    Instant cutoff = old.plus(Duration.ofDays(7));

    // However many entries of no-longer-pending signatures come first, a call purges as many as it may.
    List<StoredSignature> first = store.purgePending(cutoff, 4);
    assertThat(first).hasSize(4).allSatisfy(s -> assertThat(s.state()).isEqualTo(SignatureState.PENDING));
    Set<Long> purged = new HashSet<>();
    first.forEach(s -> purged.add(s.id()));
    List<StoredSignature> more;
    while (!(more = store.purgePending(cutoff, 100)).isEmpty()) {
      more.forEach(s -> purged.add(s.id()));
    }
    Set<Long> mine = new HashSet<>(expired);
    mine.addAll(kept);
    purged.retainAll(mine);
    assertThat(purged).isEqualTo(expired);
    for (long id : kept) {
      assertThat(store.find(id)).as("signature %d is not pending and stays", id).isPresent();
    }
    assertThat(store.counts(petition).total()).isEqualTo(40);
  }

  @Test
  void aRemovedSignatureLeavesTheLatestListAndARestoredOneComesBackUnderItsNumber() {
    String petition = newPetition();
    long first = confirmed(TestSignatures.on(petition, "a@example.org").build());
    long second = confirmed(TestSignatures.on(petition, "b@example.org").build());
    long number = store.find(second).orElseThrow().number();
    assertThat(store.remove(second, T0)).isEqualTo(new RemoveOutcome.Removed(true, "US"));
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id)
        .containsExactly(first);
    assertThat(store.restore(second, T0)).isTrue();
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id, StoredSignature::number)
        .containsExactly(tuple(second, number), tuple(first, store.find(first).orElseThrow().number()));
    assertThat(store.counts(petition).total()).isEqualTo(2);
  }

  @Test
  void latestPagesByNumberNewestFirstWithAKindFilter() {
    String petition = newPetition();
    List<Long> people = new ArrayList<>();
    List<Long> organizations = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      SignerKind kind = i % 3 == 2 ? SignerKind.ORGANIZATION : SignerKind.PERSON;
      long id = confirmed(TestSignatures.on(petition, "s" + i + "@example.org").kind(kind).build());
      (kind == SignerKind.PERSON ? people : organizations).add(id);
    }
    inserted(TestSignatures.on(petition, "pending@example.org").build());
    long held = inserted(TestSignatures.on(petition, "held@example.org").held(true).build());
    store.confirm(held, T0);
    long revoked = people.remove(0);
    store.revoke(revoked, T0);

    List<Long> all = new ArrayList<>();
    all.addAll(people);
    all.addAll(organizations);
    all.sort(Collections.reverseOrder()); // ids were confirmed in insertion order, so also numbers
    List<Long> paged = new ArrayList<>();
    long before = Long.MAX_VALUE;
    while (true) {
      List<StoredSignature> page = store.latest(petition, null, before, 2);
      if (page.isEmpty()) {
        break;
      }
      assertThat(page.size()).isLessThanOrEqualTo(2);
      for (StoredSignature signature : page) {
        assertThat(signature.counted()).isTrue();
        assertThat(signature.number()).isLessThan(before);
        paged.add(signature.id());
        before = signature.number();
      }
    }
    assertThat(paged).isEqualTo(all);

    List<StoredSignature> orgs = store.latest(petition, SignerKind.ORGANIZATION, Long.MAX_VALUE, 10);
    assertThat(orgs).extracting(StoredSignature::id)
        .containsExactlyElementsOf(organizations.stream().sorted(Collections.reverseOrder()).toList());
    List<StoredSignature> persons = store.latest(petition, SignerKind.PERSON, orgs.get(0).number(), 10);
    assertThat(persons).allSatisfy(s -> {
      assertThat(s.data().kind()).isEqualTo(SignerKind.PERSON);
      assertThat(s.number()).isLessThan(orgs.get(0).number());
    });
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 0)).isEmpty();
    assertThat(store.latest("no-such-petition", null, Long.MAX_VALUE, 5)).isEmpty();
  }

  @Test
  void countsByCountry() {
    String petition = newPetition();
    confirmed(TestSignatures.on(petition, "a@example.org").country("US").build());
    long us = confirmed(TestSignatures.on(petition, "b@example.org").country("US").build());
    confirmed(TestSignatures.on(petition, "c@example.org").country("KR").build());
    confirmed(TestSignatures.on(petition, "d@example.org").country(null).build());
    confirmed(TestSignatures.on(petition, "e@example.org").country("FR").build());
    inserted(TestSignatures.on(petition, "f@example.org").country("DE").build());
    assertThat(store.counts(petition)).isEqualTo(new Counts(5, Map.of("US", 2L, "KR", 1L, "FR", 1L)));
    store.revoke(us, T0);
    assertThat(store.counts(petition)).isEqualTo(new Counts(4, Map.of("US", 1L, "KR", 1L, "FR", 1L)));
    assertThat(store.counts("no-such-petition")).isEqualTo(new Counts(0, Map.of()));
  }

  @Test
  void petitionsRoundTrip() {
    String slug = "round-trip-" + UUID.randomUUID().toString().substring(0, 8);
    Petition petition = Petition.builder(slug)
        .title("Keep the library open")
        .text("We, the undersigned, \"ask\" the council\nto keep it open. 도서관을 지켜주세요 \uD83D\uDCDA \\ / \t")
        .target("City Council")
        .author("Friends of the Library")
        .category("Education")
        .tag("library").tag("city").tag("culture")
        .goal(5000)
        .goal("US", 200).goal("kr", 1000)
        .opensAt(Instant.parse("2025-01-01T00:00:00Z"))
        .closesAt(Instant.parse("2025-12-31T23:59:59.123456Z"))
        .consent(ConsentDocument.ofText("terms", "2025-01", ConsentPurpose.TERMS, "Terms text"))
        .consent(new ConsentDocument("news", "v2", "d".repeat(64), ConsentPurpose.NEWSLETTER, false))
        .displayNamePolicy(DisplayNamePolicy.INITIALS)
        .noindex(true)
        .signaturesPerEmail(3)
        .erasedSignaturesCount(true)
        .build();
    store.savePetition(petition);
    assertThat(store.petition(slug)).contains(petition);

    Petition bare = Petition.builder("a-" + slug).title("Bare").build();
    store.savePetition(bare);
    assertThat(store.petition(bare.slug())).contains(bare);
    assertThat(store.petitions()).contains(petition, bare);
    List<String> slugs = store.petitions().stream().map(Petition::slug).toList();
    assertThat(slugs).isSorted();
    assertThat(store.petition("no-such-petition")).isEqualTo(Optional.empty());
  }

  @Test
  void replacingAPetitionKeepsItsSignaturesAndCounts() {
    String petition = newPetition();
    long id = confirmed(TestSignatures.on(petition, "a@example.org").build());
    Petition changed = Petition.builder(petition).title("A new title").goal(10).closesAt(T0.plusSeconds(3600))
        .build();
    store.savePetition(changed);
    assertThat(store.petition(petition)).contains(changed);
    assertThat(store.find(id)).isPresent();
    assertThat(store.counts(petition).total()).isEqualTo(1);
    long next = ((ConfirmOutcome.Counted) store.confirm(
        inserted(TestSignatures.on(petition, "b@example.org").build()), T0)).number();
    assertThat(next).isGreaterThan(store.find(id).orElseThrow().number());
  }

  @Test
  void concurrentConfirmationsCountExactlyWithUniqueNumbers() throws Exception {
    String petition = newPetition();
    int size = concurrencySize();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add(inserted(TestSignatures.on(petition, "c" + i + "@example.org")
          .country(i % 3 == 0 ? "US" : i % 3 == 1 ? "KR" : null).held(i % 10 == 9).build()));
    }
    Set<Long> numbers = ConcurrentHashMap.newKeySet();
    AtomicInteger counted = new AtomicInteger();
    AtomicInteger held = new AtomicInteger();
    AtomicInteger duplicateNumbers = new AtomicInteger();
    // Every thread confirms every signature, in its own order: each one races seven others.
    List<Callable<Void>> workers = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      List<Long> order = new ArrayList<>(ids);
      Collections.shuffle(order, new java.util.Random(t));
      workers.add(() -> {
        start.await();
        for (long id : order) {
          ConfirmOutcome outcome = store.confirm(id, T0);
          if (outcome instanceof ConfirmOutcome.Counted c) {
            counted.incrementAndGet();
            if (!numbers.add(c.number())) {
              duplicateNumbers.incrementAndGet();
            }
          } else if (outcome instanceof ConfirmOutcome.Held) {
            held.incrementAndGet();
          } else {
            assertThat(outcome).isInstanceOf(ConfirmOutcome.AlreadyConfirmed.class);
          }
        }
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      workers.forEach(w -> futures.add(pool.submit(w)));
      start.countDown();
      for (Future<Void> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    int expectedHeld = size / 10;
    assertThat(duplicateNumbers).hasValue(0);
    assertThat(held).hasValue(expectedHeld);
    assertThat(counted).hasValue(size - expectedHeld);
    long confirmedRows = ids.stream().map(id -> store.find(id).orElseThrow()).filter(StoredSignature::counted)
        .count();
    assertThat(confirmedRows).isEqualTo(size - expectedHeld);
    Counts counts = store.counts(petition);
    assertThat(counts.total()).isEqualTo(size - expectedHeld);
    long us = ids.stream().map(id -> store.find(id).orElseThrow())
        .filter(s -> s.counted() && "US".equals(s.data().country())).count();
    assertThat(counts.byCountry().get("US")).isEqualTo(us);
    Set<Long> stored = new HashSet<>();
    ids.forEach(id -> {
      StoredSignature s = store.find(id).orElseThrow();
      if (s.counted()) {
        stored.add(s.number());
      }
    });
    assertThat(stored).isEqualTo(numbers);
  }

  @Test
  void concurrentInsertsOfOneEmailLeaveExactlyOne() throws Exception {
    String petition = newPetition();
    for (int round = 0; round < 5; round++) {
      String email = "race" + round + "@example.org";
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<InsertOutcome>> futures = new ArrayList<>();
      try {
        for (int t = 0; t < 8; t++) {
          boolean confirmNow = t % 2 == 0;
          futures.add(pool.submit(() -> {
            start.await();
            return store.insert(TestSignatures.on(petition, email).build(), confirmNow);
          }));
        }
        start.countDown();
        List<InsertOutcome> outcomes = new ArrayList<>();
        for (Future<InsertOutcome> future : futures) {
          outcomes.add(future.get(1, TimeUnit.MINUTES));
        }
        List<Long> inserted = outcomes.stream().filter(o -> o instanceof InsertOutcome.Inserted)
            .map(o -> ((InsertOutcome.Inserted) o).id()).toList();
        assertThat(inserted).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof InsertOutcome.Inserted))
            .allSatisfy(o -> assertThat(o).isEqualTo(new InsertOutcome.DuplicateEmail(inserted.get(0))));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Moderation: held list, approve, remove, restore, search, audit log

  /** An email no other test uses, so its subject's ledger records are this test's only. */
  protected static String uniqueEmail(String name) {
    return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @Test
  void heldListsLiveHeldSignaturesByIdInPages() {
    String petition = newPetition();
    long pending = inserted(TestSignatures.on(petition, "held1@example.org").held(true).build());
    long confirmed = inserted(TestSignatures.on(petition, "held2@example.org").held(true).build());
    assertThat(store.confirm(confirmed, T0)).isEqualTo(new ConfirmOutcome.Held());
    confirmed(TestSignatures.on(petition, "fine@example.org").build());
    long revoked = inserted(TestSignatures.on(petition, "held3@example.org").held(true).build());
    store.revoke(revoked, T0);
    long removed = inserted(TestSignatures.on(petition, "held4@example.org").held(true).build());
    store.remove(removed, T0);
    long last = inserted(TestSignatures.on(petition, "held5@example.org").held(true).build());
    String other = newPetition();
    inserted(TestSignatures.on(other, "held1@example.org").held(true).build());

    assertThat(store.held(petition, 0, 10)).extracting(StoredSignature::id).containsExactly(pending, confirmed, last);
    assertThat(store.held(petition, 0, 2)).extracting(StoredSignature::id).containsExactly(pending, confirmed);
    assertThat(store.held(petition, confirmed, 2)).extracting(StoredSignature::id).containsExactly(last);
    assertThat(store.held(petition, last, 10)).isEmpty();
    assertThat(store.held(petition, 0, 10).get(0).data().findings()).isNotEmpty();
    assertThat(store.held("no-such-petition", 0, 10)).isEmpty();

    // A restored signature is held again; an approved one is not.
    store.restore(removed, T0);
    store.approve(pending, T0);
    assertThat(store.held(petition, 0, 10)).extracting(StoredSignature::id).containsExactly(confirmed, removed, last);
  }

  @Test
  void approvingCountsAHeldConfirmedSignatureAndLiftsAPendingOnesHold() {
    String petition = newPetition();
    long heldConfirmed = inserted(TestSignatures.on(petition, "a@example.org").held(true).country("KR").build());
    store.confirm(heldConfirmed, T0);
    long heldPending = inserted(TestSignatures.on(petition, "b@example.org").held(true).build());
    long plain = confirmed(TestSignatures.on(petition, "c@example.org").build());
    long plainPending = inserted(TestSignatures.on(petition, "d@example.org").build());
    long plainNumber = store.find(plain).orElseThrow().number();

    ConfirmOutcome approved = store.approve(heldConfirmed, T0.plusSeconds(5));
    assertThat(approved).isInstanceOf(ConfirmOutcome.Counted.class);
    long number = ((ConfirmOutcome.Counted) approved).number();
    assertThat(number).isGreaterThan(plainNumber);
    assertThat(((ConfirmOutcome.Counted) approved).country()).isEqualTo("KR");
    StoredSignature counted = store.find(heldConfirmed).orElseThrow();
    assertThat(counted.state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(counted.data().held()).isFalse();
    assertThat(counted.counted()).isTrue();
    assertThat(counted.number()).isEqualTo(number);
    assertThat(counted.confirmedAt()).isEqualTo(T0);
    assertThat(store.counts(petition)).isEqualTo(new Counts(2, Map.of("US", 1L, "KR", 1L)));
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id)
        .containsExactly(heldConfirmed, plain);
    assertThat(store.approve(heldConfirmed, T0)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(number));

    assertThat(store.approve(heldPending, T0)).isEqualTo(new ConfirmOutcome.Held());
    StoredSignature lifted = store.find(heldPending).orElseThrow();
    assertThat(lifted.state()).isEqualTo(SignatureState.PENDING);
    assertThat(lifted.data().held()).isFalse();
    assertThat(store.counts(petition).total()).isEqualTo(2);
    assertThat(store.confirm(heldPending, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(store.counts(petition).total()).isEqualTo(3);

    assertThat(store.approve(plain, T0)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(plainNumber));
    assertThat(store.approve(plainPending, T0)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(0));
    store.revoke(plainPending, T0);
    assertThat(store.approve(plainPending, T0)).isEqualTo(new ConfirmOutcome.Gone());
    assertThat(store.approve(987_654_321L, T0)).isEqualTo(new ConfirmOutcome.NotFound());
    assertThat(store.held(petition, 0, 10)).isEmpty();
  }

  @Test
  void removingStopsCountingButKeepsTheKeysAndTheDataAndRestoringUndoesIt() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, "a@example.org").phone("+14155550100").build();
    long id = confirmed(signature);
    long other = confirmed(TestSignatures.on(petition, "b@example.org").name("Bea", "Other").country("KR").build());
    long number = store.find(id).orElseThrow().number();

    assertThat(store.remove(id, T0.plusSeconds(120))).isEqualTo(new RemoveOutcome.Removed(true, "US"));
    assertThat(store.counts(petition)).isEqualTo(new Counts(1, Map.of("KR", 1L)));
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id).containsExactly(other);
    StoredSignature removed = store.find(id).orElseThrow();
    assertThat(removed.state()).isEqualTo(SignatureState.REMOVED);
    assertThat(removed.counted()).isFalse();
    assertThat(removed.number()).isEqualTo(number);
    assertSameData(removed.data(), signature);
    assertThat(store.remove(id, T0)).isEqualTo(new RemoveOutcome.AlreadyGone());
    assertThat(store.revoke(id, T0)).isEqualTo(new RemoveOutcome.AlreadyGone());
    assertThat(store.confirm(id, T0)).isEqualTo(new ConfirmOutcome.Gone());
    assertThat(store.approve(id, T0)).isEqualTo(new ConfirmOutcome.Gone());
    assertThat(store.remove(987_654_321L, T0)).isEqualTo(new RemoveOutcome.NotFound());
    // Not live: no household member, no near-duplicate; but its keys stay taken.
    assertThat(store.household(petition, signature.emailKey())).isEmpty();
    assertThat(store.hasNearDuplicate(petition, signature.nameKey(), "Springfield", null)).isFalse();
    assertThat(store.insert(TestSignatures.on(petition, "a@example.org").build(), false))
        .isEqualTo(new InsertOutcome.DuplicateEmail(id));
    assertThat(store.insert(TestSignatures.on(petition, "a@example.org").build(), true))
        .isEqualTo(new InsertOutcome.DuplicateEmail(id));
    assertThat(store.insert(TestSignatures.on(petition, "new@example.org").phone("+14155550100").build(), false))
        .isEqualTo(new InsertOutcome.DuplicatePhone(id));

    assertThat(store.restore(id, T0.plusSeconds(180))).isTrue();
    StoredSignature restored = store.find(id).orElseThrow();
    assertThat(restored.state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(restored.number()).isEqualTo(number);
    assertThat(restored.counted()).isTrue();
    assertThat(restored.confirmedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(store.counts(petition)).isEqualTo(new Counts(2, Map.of("US", 1L, "KR", 1L)));
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id)
        .containsExactly(other, id);
    assertThat(store.restore(id, T0)).isFalse();
    assertThat(store.restore(other, T0)).isFalse();
    assertThat(store.restore(987_654_321L, T0)).isFalse();

    // A pending signature comes back pending, and counts once confirmed.
    long pending = inserted(TestSignatures.on(petition, "p@example.org").build());
    assertThat(store.remove(pending, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.restore(pending, T0)).isTrue();
    assertThat(store.find(pending).orElseThrow().state()).isEqualTo(SignatureState.PENDING);
    assertThat(store.confirm(pending, T0)).isInstanceOf(ConfirmOutcome.Counted.class);

    // A held confirmed signature comes back held, uncounted.
    long held = inserted(TestSignatures.on(petition, "h@example.org").held(true).build());
    store.confirm(held, T0);
    assertThat(store.remove(held, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.restore(held, T0)).isTrue();
    assertThat(store.find(held).orElseThrow().state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(store.find(held).orElseThrow().counted()).isFalse();
    assertThat(store.counts(petition).total()).isEqualTo(3);
    // A revoked signature cannot be restored.
    store.revoke(other, T0);
    assertThat(store.restore(other, T0)).isFalse();
  }

  @Test
  void searchMatchesEveryCriterionInIdOrderAndSkipsRevoked() {
    String petition = newPetition();
    Instant day = Instant.parse("2025-04-01T00:00:00Z");
    long a = inserted(TestSignatures.on(petition, "a@example.net").ip("198.51.100.7").country("KR")
        .displayName("Bot 1").signedAt(day).build());
    long b = confirmed(TestSignatures.on(petition, "b@example.net").ip("198.51.100.8").displayName("bot two")
        .signedAt(day.plusSeconds(3600)).build());
    long c = confirmed(TestSignatures.on(petition, "c@example.org").ip("198.51.7.9").country("KR")
        .displayName("Bot 3").signedAt(day.plusSeconds(7200)).build());
    long d = inserted(TestSignatures.on(petition, "d@example.net").ip("203.0.113.1").displayName(null)
        .signedAt(day.plusSeconds(10_800)).build());
    long revoked = inserted(TestSignatures.on(petition, "e@example.net").ip("198.51.100.9").displayName("Bot 5")
        .build());
    store.revoke(revoked, T0);
    store.remove(c, T0); // removed signatures are still found, so a bulk action can be audited
    String other = newPetition();
    inserted(TestSignatures.on(other, "a@example.net").ip("198.51.100.7").build());

    assertThat(search(petition, SignatureCriteria.builder().emailDomain("EXAMPLE.net").build())).containsExactly(a, b, d);
    assertThat(search(petition, SignatureCriteria.builder().network("198.51.100.0/24").build())).containsExactly(a, b);
    assertThat(search(petition, SignatureCriteria.builder().networkPrefix("198.51.").build())).containsExactly(a, b, c);
    assertThat(search(petition, SignatureCriteria.builder().networkPrefix("198_51").build())).isEmpty(); // no wildcards
    assertThat(search(petition, SignatureCriteria.builder().networkPrefix("%").build())).isEmpty();
    assertThat(search(petition, SignatureCriteria.builder().emailKey(TestSignatures.key("email:b@example.net")).build()))
        .containsExactly(b);
    assertThat(search(petition, SignatureCriteria.builder().displayNamePattern(Pattern.compile("^Bot \\d")).build()))
        .containsExactly(a, c);
    assertThat(search(petition, SignatureCriteria.builder().displayNamePattern(Pattern.compile("(?i)bot")).build()))
        .containsExactly(a, b, c);
    assertThat(search(petition, SignatureCriteria.builder().country("kr").build())).containsExactly(a, c);
    assertThat(search(petition, SignatureCriteria.builder().signedBetween(day.plusSeconds(3600), day.plusSeconds(10_800)).build()))
        .containsExactly(b, c);
    assertThat(search(petition, SignatureCriteria.builder().emailDomain("example.net").country("KR").build())).containsExactly(a);
    assertThat(search(petition, SignatureCriteria.builder().emailDomain("example.com").build())).isEmpty();

    // Pages: by id, strictly after afterId, at most limit, with and without the Java-side pattern.
    SignatureCriteria net = SignatureCriteria.builder().networkPrefix("198.51.").build();
    assertThat(store.search(petition, net, 0, 2)).extracting(StoredSignature::id).containsExactly(a, b);
    assertThat(store.search(petition, net, b, 2)).extracting(StoredSignature::id).containsExactly(c);
    SignatureCriteria bots = SignatureCriteria.builder().displayNamePattern(Pattern.compile("(?i)bot")).build();
    assertThat(store.search(petition, bots, 0, 1)).extracting(StoredSignature::id).containsExactly(a);
    assertThat(store.search(petition, bots, a, 1)).extracting(StoredSignature::id).containsExactly(b);
    assertThat(store.search(petition, bots, c, 10)).isEmpty();
    assertThat(store.search("no-such-petition", bots, 0, 10)).isEmpty();
    StoredSignature found = store.search(petition, SignatureCriteria.builder().country("KR").build(), 0, 1).get(0);
    assertThat(found.data().network()).isEqualTo("198.51.100.0/24");
  }

  @Test
  void searchWithAPatternPagesPastManyNonMatchingSignatures() {
    String petition = newPetition();
    List<Long> bots = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      boolean bot = i % 150 == 149;
      long id = inserted(TestSignatures.on(petition, "s" + i + "@example.org")
          .displayName(bot ? "Bot " + i : "Person " + i).build());
      if (bot) {
        bots.add(id);
      }
    }
    SignatureCriteria criteria = SignatureCriteria.builder().displayNamePattern(Pattern.compile("^Bot")).build();
    assertThat(store.search(petition, criteria, 0, 10)).extracting(StoredSignature::id).isEqualTo(bots);
    assertThat(store.search(petition, criteria, 0, 2)).extracting(StoredSignature::id)
        .isEqualTo(bots.subList(0, 2));
  }

  private List<Long> search(String petition, SignatureCriteria criteria) {
    return store.search(petition, criteria, 0, 100).stream().map(StoredSignature::id).toList();
  }

  @Test
  void bySubjectFindsEverySignatureOfOneEmailOnEveryPetition() {
    String email = uniqueEmail("subject");
    String first = newPetition();
    String second = newPetition();
    long a = confirmed(TestSignatures.on(first, email).build());
    long b = inserted(TestSignatures.on(second, email).build());
    long c = inserted(TestSignatures.on(second, email).slot(1).name("Other", "Person").build());
    store.remove(c, T0);
    long revoked = inserted(TestSignatures.on(first, email).slot(1).build());
    store.revoke(revoked, T0);
    inserted(TestSignatures.on(first, uniqueEmail("someone-else")).build());

    byte[] key = TestSignatures.key("email:" + email);
    List<StoredSignature> found = store.bySubject(key);
    assertThat(found).extracting(StoredSignature::id).containsExactly(a, b, c);
    assertThat(found).extracting(StoredSignature::state)
        .containsExactly(SignatureState.CONFIRMED, SignatureState.PENDING, SignatureState.REMOVED);
    assertThat(store.bySubject(TestSignatures.key("email:" + uniqueEmail("nobody")))).isEmpty();
    assertThat(store.bySubject(new byte[0])).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Subject rights and retention: erase, anonymise

  @Test
  void erasingWhileKeepingTheCountKeepsTheTallyTheNumberAndTheEmailKey() {
    String petition = newPetition();
    String email = uniqueEmail("a");
    NewSignature signature = TestSignatures.on(petition, email).phone("+14155550100").build();
    long id = confirmed(signature);
    long number = store.find(id).orElseThrow().number();

    assertThat(store.erase(id, true, T0.plusSeconds(300))).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.counts(petition)).isEqualTo(new Counts(1, Map.of("US", 1L)));
    StoredSignature erased = store.find(id).orElseThrow();
    assertThat(erased.state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(erased.counted()).isTrue();
    assertThat(erased.number()).isEqualTo(number);
    assertThat(erased.confirmedAt()).isEqualTo(T0.plusSeconds(60));
    NewSignature data = erased.data();
    assertThat(data.emailKey()).isEqualTo(signature.emailKey());
    assertThat(data.displayName()).isEqualTo(signature.displayName());
    assertThat(data.comment()).isEqualTo(signature.comment());
    assertThat(data.country()).isEqualTo("US");
    assertThat(data.sealedPersonalData()).isEmpty();
    assertThat(data.phoneKey()).isNull();
    assertThat(data.nameKey()).isEmpty();
    assertThat(data.networkKey()).isNull();
    assertThat(data.network()).isNull();
    assertThat(data.emailDomain()).isEmpty();
    assertThat(data.formId()).isNull();
    assertThat(data.userAgentHash()).isNull();
    assertThat(data.signedAt()).isEqualTo(signature.signedAt());
    assertThat(data.consents()).isEqualTo(signature.consents());
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id).containsExactly(id);
    // The email key stays, so the same person cannot count twice.
    assertThat(store.insert(TestSignatures.on(petition, email).build(), false))
        .isEqualTo(new InsertOutcome.DuplicateEmail(id));
    assertThat(store.bySubject(signature.emailKey())).extracting(StoredSignature::id).containsExactly(id);
    // Still a household member (it is live), with no name key left to compare.
    assertThat(store.household(petition, signature.emailKey())).singleElement()
        .satisfies(member -> assertThat(member.nameKey()).isEmpty());
  }

  @Test
  void erasingWithoutKeepingTheCountRevokes() {
    String petition = newPetition();
    long counted = confirmed(TestSignatures.on(petition, "a@example.org").build());
    long pending = inserted(TestSignatures.on(petition, "b@example.org").build());
    long held = inserted(TestSignatures.on(petition, "c@example.org").held(true).build());
    store.confirm(held, T0);

    assertThat(store.erase(counted, false, T0)).isEqualTo(new RemoveOutcome.Removed(true, "US"));
    assertThat(store.counts(petition).total()).isZero();
    assertThat(store.find(counted).orElseThrow().state()).isEqualTo(SignatureState.REVOKED);
    assertThat(store.find(counted).orElseThrow().data().displayName()).isNull();
    // Keeping the count only applies to what counts: the rest is revoked.
    assertThat(store.erase(pending, true, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.find(pending).orElseThrow().state()).isEqualTo(SignatureState.REVOKED);
    assertThat(store.erase(held, true, T0)).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    assertThat(store.find(held).orElseThrow().state()).isEqualTo(SignatureState.REVOKED);
    assertThat(store.erase(counted, true, T0)).isEqualTo(new RemoveOutcome.AlreadyGone());
    assertThat(store.erase(987_654_321L, true, T0)).isEqualTo(new RemoveOutcome.NotFound());
    inserted(TestSignatures.on(petition, "a@example.org").build());
  }

  @Test
  void erasingARemovedSignatureErasesItAndFreesItsKeys() {
    String petition = newPetition();
    String email = uniqueEmail("a");
    NewSignature signature = TestSignatures.on(petition, email).phone("+14155550100").build();
    long id = confirmed(signature);
    long number = store.find(id).orElseThrow().number();
    store.remove(id, T0);
    assertThat(store.counts(petition).total()).isZero();

    assertThat(store.erase(id, true, T0.plusSeconds(10))).isEqualTo(new RemoveOutcome.Removed(false, "US"));
    StoredSignature erased = store.find(id).orElseThrow();
    assertThat(erased.state()).isEqualTo(SignatureState.REVOKED);
    assertThat(erased.number()).isEqualTo(number);
    assertThat(erased.data().emailKey()).isEmpty();
    assertThat(erased.data().phoneKey()).isNull();
    assertThat(erased.data().sealedPersonalData()).isEmpty();
    assertThat(erased.data().displayName()).isNull();
    assertThat(erased.data().comment()).isNull();
    assertThat(erased.data().formId()).isNull();
    assertThat(store.counts(petition).total()).isZero();
    assertThat(store.restore(id, T0)).isFalse();
    assertThat(store.erase(id, true, T0)).isEqualTo(new RemoveOutcome.AlreadyGone());
    assertThat(store.bySubject(signature.emailKey())).isEmpty();
    confirmed(TestSignatures.on(petition, email).phone("+14155550100").build());
  }

  @Test
  void anonymisingClearsPersonalDataInBatchesAndKeepsThePublicEntry() {
    String petition = newPetition();
    String email = uniqueEmail("a");
    NewSignature first = TestSignatures.on(petition, email).phone("+14155550100").build();
    long a = confirmed(first);
    long b = confirmed(TestSignatures.on(petition, "b@example.org").country("KR").build());
    long heldId = inserted(TestSignatures.on(petition, "c@example.org").held(true).build());
    store.confirm(heldId, T0);
    long pending = inserted(TestSignatures.on(petition, "d@example.org").build());
    long removed = confirmed(TestSignatures.on(petition, "e@example.org").build());
    store.remove(removed, T0);
    long revoked = inserted(TestSignatures.on(petition, "f@example.org").build());
    store.revoke(revoked, T0);
    String other = newPetition();
    NewSignature untouched = TestSignatures.on(other, email).build();
    long otherId = confirmed(untouched);
    Counts counts = store.counts(petition);
    Map<Long, Long> numbers = new java.util.HashMap<>();
    for (long id : List.of(a, b, heldId, pending, removed)) {
      numbers.put(id, store.find(id).orElseThrow().number());
    }

    assertThat(store.anonymise(petition, 2)).isEqualTo(2);
    assertThat(store.anonymise(petition, 10)).isEqualTo(3);
    assertThat(store.anonymise(petition, 10)).isZero();
    assertThat(store.anonymise(petition, 0)).isZero();

    assertThat(store.counts(petition)).isEqualTo(counts);
    for (long id : List.of(a, b, heldId, pending, removed)) {
      StoredSignature signature = store.find(id).orElseThrow();
      assertThat(signature.number()).isEqualTo(numbers.get(id));
      NewSignature data = signature.data();
      assertThat(data.sealedPersonalData()).isEmpty();
      assertThat(data.emailKey()).isEmpty();
      assertThat(data.phoneKey()).isNull();
      assertThat(data.nameKey()).isEmpty();
      assertThat(data.networkKey()).isNull();
      assertThat(data.network()).isNull();
      assertThat(data.emailDomain()).isEmpty();
      assertThat(data.formId()).isNull();
      assertThat(data.userAgentHash()).isNull();
      assertThat(data.displayName()).isNotNull();
      assertThat(data.comment()).isEqualTo("Because it matters.");
    }
    assertThat(store.find(a).orElseThrow().state()).isEqualTo(SignatureState.CONFIRMED);
    assertThat(store.find(removed).orElseThrow().state()).isEqualTo(SignatureState.REMOVED);
    assertThat(store.find(a).orElseThrow().data().displayName()).isEqualTo(first.displayName());
    assertThat(store.latest(petition, null, Long.MAX_VALUE, 10)).extracting(StoredSignature::id)
        .containsExactly(b, a);
    assertThat(store.held(petition, 0, 10)).isEmpty();
    assertThat(store.bySubject(first.emailKey())).extracting(StoredSignature::id).containsExactly(otherId);
    // The keys are free: the same address and phone may sign again.
    confirmed(TestSignatures.on(petition, email).phone("+14155550100").build());
    assertSameData(store.find(otherId).orElseThrow().data(), untouched);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Moderation log

  @Test
  void moderationLogKeepsActionsNewestFirstAndMarksThemUndone() {
    String petition = newPetition();
    ModerationAction removal = store.recordModeration(new ModerationAction(0, petition, ModerationAction.Kind.REMOVE,
        "moderator-1", "spam link", null, List.of(7L), T0, null));
    ModerationAction bulk = store.recordModeration(new ModerationAction(0, petition,
        ModerationAction.Kind.BULK_REMOVE, "moderator-2", "one network, 40 signings a minute",
        "network 198.51.100.0/24, signed from " + T0, List.of(8L, 9L, 10L), T0.plusSeconds(60), null));
    ModerationAction approval = store.recordModeration(new ModerationAction(0, newPetition(),
        ModerationAction.Kind.APPROVE, "moderator-1", "looks fine", null, List.of(), T0, null));

    assertThat(removal.id()).isPositive();
    assertThat(bulk.id()).isGreaterThan(removal.id());
    assertThat(removal).isEqualTo(new ModerationAction(removal.id(), petition, ModerationAction.Kind.REMOVE,
        "moderator-1", "spam link", null, List.of(7L), T0, null));
    assertThat(store.moderationAction(bulk.id())).contains(bulk);
    assertThat(bulk.criteria()).isEqualTo("network 198.51.100.0/24, signed from " + T0);
    assertThat(bulk.signatureIds()).containsExactly(8L, 9L, 10L);
    assertThat(store.moderationLog(petition, 10)).containsExactly(bulk, removal);
    assertThat(store.moderationLog(petition, 1)).containsExactly(bulk);
    assertThat(store.moderationLog(approval.petition(), 10)).containsExactly(approval);
    assertThat(store.moderationLog("no-such-petition", 10)).isEmpty();
    assertThat(store.moderationAction(987_654_321L)).isEmpty();

    assertThat(store.markUndone(bulk.id(), T0.plusSeconds(600), "moderator-3")).isTrue();
    ModerationAction undone = store.moderationAction(bulk.id()).orElseThrow();
    assertThat(undone.undoneAt()).isEqualTo(T0.plusSeconds(600));
    assertThat(undone.undoneBy()).isEqualTo("moderator-3");
    assertThat(undone.signatureIds()).isEqualTo(bulk.signatureIds());
    assertThat(store.moderationLog(petition, 1)).containsExactly(undone);
    // Undone once: a second undoing is not recorded over the first.
    assertThat(store.markUndone(bulk.id(), T0.plusSeconds(900), "moderator-4")).isFalse();
    assertThat(store.moderationAction(bulk.id())).contains(undone);
    assertThat(store.moderationAction(removal.id()).orElseThrow().undoneAt()).isNull();
    assertThat(store.moderationAction(removal.id()).orElseThrow().undoneBy()).isNull();
    assertThat(store.markUndone(987_654_321L, T0, "moderator-3")).isFalse(); // nothing to mark
  }

  @Test
  void ofModeratorsUndoingOneActionAtOnceExactlyOneIsRecorded() throws Exception {
    String petition = newPetition();
    ModerationAction removal = store.recordModeration(new ModerationAction(0, petition,
        ModerationAction.Kind.BULK_REMOVE, "moderator-1", "a farm", "email domain farm.example", List.of(1L, 2L),
        T0, null));
    int moderators = 8;
    ExecutorService pool = Executors.newFixedThreadPool(moderators);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> marks = new ArrayList<>();
      for (int i = 0; i < moderators; i++) {
        String moderator = "undoer-" + i;
        marks.add(pool.submit(() -> {
          start.await();
          return store.markUndone(removal.id(), T0.plusSeconds(60), moderator);
        }));
      }
      start.countDown();
      List<String> winners = new ArrayList<>();
      for (int i = 0; i < moderators; i++) {
        if (marks.get(i).get(30, TimeUnit.SECONDS)) {
          winners.add("undoer-" + i);
        }
      }
      assertThat(winners).hasSize(1);
      assertThat(store.moderationAction(removal.id()).orElseThrow().undoneBy()).isEqualTo(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // The consent ledger beside the store

  @Test
  void confirmingAppendsExactlyTheGrantsOfTheSignatureToTheLedger() {
    String petition = newPetition();
    String email = uniqueEmail("grants");
    NewSignature signature = TestSignatures.on(petition, email).build();
    String subject = ConsentSubjects.of(signature.emailKey());
    ConsentLedger ledger = store.consentLedger();
    long id = inserted(signature);
    assertThat(ledger.recordsOf(subject)).isEmpty();

    Instant now = T0.plusSeconds(3600);
    store.confirm(id, now);
    List<ConsentRecord> records = ledger.recordsOf(subject);
    assertThat(records).hasSize(signature.consents().size());
    ConsentRecord.Evidence evidence = new ConsentRecord.Evidence("form-1", "203.0.113.0/24", "c".repeat(64), "en-US");
    for (int i = 0; i < records.size(); i++) {
      ConsentRecord record = records.get(i);
      ConsentGrant grant = signature.consents().get(i);
      assertThat(record.draft()).isEqualTo(new ConsentRecord.Draft(subject, petition, grant.purpose(),
          grant.documentId(), grant.version(), grant.sha256(), ConsentRecord.Action.GRANTED, now, evidence));
      assertThat(record.chain()).isEqualTo(ConsentChain.ofDefaults().chainOf(subject));
      assertThat(ConsentChain.hashOf(record)).isEqualTo(record.hash());
    }
    assertThat(records.get(1).sequence()).isGreaterThan(records.get(0).sequence());
    assertThat(ledger.isGranted(subject, petition, ConsentPurpose.TERMS)).isTrue();
    assertThat(ledger.isGranted(subject, petition, ConsentPurpose.NEWSLETTER)).isFalse();

    // Nothing more on a second confirmation, a confirmation of what is gone, or a failed insert.
    store.confirm(id, now.plusSeconds(1));
    assertThat(store.insert(TestSignatures.on(petition, email).build(), true))
        .isEqualTo(new InsertOutcome.DuplicateEmail(id));
    assertThat(ledger.recordsOf(subject)).isEqualTo(records);

    // A held signature's grants are recorded at confirmation too; a signature confirmed at insert, at signing.
    NewSignature held = TestSignatures.on(petition, uniqueEmail("held")).held(true).build();
    store.confirm(inserted(held), now);
    assertThat(ledger.recordsOf(ConsentSubjects.of(held.emailKey()))).hasSize(2);
    NewSignature direct = TestSignatures.on(petition, uniqueEmail("direct")).signedAt(T0.plusSeconds(9)).build();
    store.insert(direct, true);
    assertThat(ledger.recordsOf(ConsentSubjects.of(direct.emailKey()))).extracting(ConsentRecord::at)
        .containsExactly(T0.plusSeconds(9), T0.plusSeconds(9));
    NewSignature revoked = TestSignatures.on(petition, uniqueEmail("revoked")).build();
    long revokedId = inserted(revoked);
    store.revoke(revokedId, T0);
    store.confirm(revokedId, now);
    assertThat(ledger.recordsOf(ConsentSubjects.of(revoked.emailKey()))).isEmpty();
    NewSignature bare = new NewSignature(petition, SignerKind.PERSON, TestSignatures.key(uniqueEmail("bare")), 0,
        null, TestSignatures.nameKey("Bare"), null, null, false, null, false, null, null, null, "example.org", null,
        TestSignatures.seal("bare"), T0, false, List.of(), List.of(), null, null, "en");
    store.confirm(inserted(bare), now);
    assertThat(ledger.recordsOf(ConsentSubjects.of(bare.emailKey()))).isEmpty();
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void ledgerAppendsWithdrawsAndVerifies() {
    ConsentLedger ledger = store.consentLedger();
    String subject = ConsentSubjects.of(TestSignatures.key("email:" + uniqueEmail("ledger")));
    String petition = "ledger-petition";
    // Nanoseconds are kept exactly: they are part of the hash.
    Instant at = Instant.parse("2025-03-01T10:15:30.123456789Z");
    ConsentRecord.Evidence evidence = new ConsentRecord.Evidence("form-9", "198.51.100.0/24", "d".repeat(64), "ko-KR");
    ConsentRecord.Draft terms = new ConsentRecord.Draft(subject, petition, ConsentPurpose.TERMS, "terms", "2025-01",
        "a".repeat(64), ConsentRecord.Action.GRANTED, at, evidence);
    ConsentRecord.Draft news = new ConsentRecord.Draft(subject, petition, ConsentPurpose.NEWSLETTER, "news", "v2",
        "e".repeat(64), ConsentRecord.Action.GRANTED, at.plusNanos(1), ConsentRecord.Evidence.none());

    ConsentRecord first = ledger.append(terms);
    ConsentRecord second = ledger.append(news);
    assertThat(first.draft()).isEqualTo(terms);
    assertThat(first.chain()).isEqualTo(ConsentChain.ofDefaults().chainOf(subject));
    assertThat(second.chain()).isEqualTo(first.chain());
    assertThat(second.sequence()).isGreaterThan(first.sequence());
    assertThat(ConsentChain.hashOf(first)).isEqualTo(first.hash());
    assertThat(ledger.recordsOf(subject)).containsExactly(first, second);
    assertThat(ledger.isGranted(subject, petition, ConsentPurpose.NEWSLETTER)).isTrue();

    WithdrawResult withdrawn = ledger.withdraw(subject, petition, ConsentPurpose.NEWSLETTER, at.plusSeconds(5),
        evidence);
    assertThat(withdrawn).isInstanceOf(WithdrawResult.Withdrawn.class);
    ConsentRecord withdrawal = ((WithdrawResult.Withdrawn) withdrawn).record();
    assertThat(withdrawal.draft()).isEqualTo(new ConsentRecord.Draft(subject, petition, ConsentPurpose.NEWSLETTER,
        "news", "v2", "e".repeat(64), ConsentRecord.Action.WITHDRAWN, at.plusSeconds(5), evidence));
    assertThat(ledger.isGranted(subject, petition, ConsentPurpose.NEWSLETTER)).isFalse();
    assertThat(ledger.isGranted(subject, petition, ConsentPurpose.TERMS)).isTrue();
    assertThat(ledger.withdraw(subject, petition, ConsentPurpose.NEWSLETTER, at, evidence))
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.withdraw(subject, petition, ConsentPurpose.CONTACT_BY_AUTHOR, at, evidence))
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.withdraw(subject, "another-petition", ConsentPurpose.TERMS, at, evidence))
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.recordsOf(subject)).containsExactly(first, second, withdrawal);
    assertThatThrownBy(() -> ledger.append(withdrawal.draft())).isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.recordsOf(subject)).hasSize(3);
    assertThat(ledger.recordsOf(ConsentSubjects.of(TestSignatures.key(uniqueEmail("none"))))).isEmpty();
    assertThat(ledger.exportJson(subject)).contains("\"at\":\"2025-03-01T10:15:30.123456789Z\"");

    VerificationReport report = ledger.verify();
    assertThat(report).isInstanceOf(VerificationReport.Ok.class);
    assertThat(((VerificationReport.Ok) report).recordsChecked()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void concurrentWithdrawalsOfOneConsentAppendOneWithdrawal() throws Exception {
    ConsentLedger ledger = store.consentLedger();
    String subject = ConsentSubjects.of(TestSignatures.key("email:" + uniqueEmail("race")));
    ledger.append(new ConsentRecord.Draft(subject, "race", ConsentPurpose.NEWSLETTER, "news", "v1", "a".repeat(64),
        ConsentRecord.Action.GRANTED, T0, ConsentRecord.Evidence.none()));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<WithdrawResult>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return ledger.withdraw(subject, "race", ConsentPurpose.NEWSLETTER, T0.plusSeconds(1),
              ConsentRecord.Evidence.none());
        }));
      }
      start.countDown();
      int withdrawn = 0;
      for (Future<WithdrawResult> result : results) {
        if (result.get(1, TimeUnit.MINUTES) instanceof WithdrawResult.Withdrawn) {
          withdrawn++;
        }
      }
      assertThat(withdrawn).isEqualTo(1);
      assertThat(ledger.recordsOf(subject)).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }
}
