package org.petition.store;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.ConsentDocument;
import org.petition.ConsentPurpose;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.privacy.DisplayNamePolicy;

/**
 * What every {@link SignatureStore} must do, run against each implementation by a subclass. Each test works
 * on petitions of its own (random slugs), so a subclass may share one database between tests.
 */
public abstract class SignatureStoreContract {

  protected SignatureStore store;

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
    assertThat(first).isEqualTo(new ConfirmOutcome.Counted(((ConfirmOutcome.Counted) first).number(), "US"));
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
}
