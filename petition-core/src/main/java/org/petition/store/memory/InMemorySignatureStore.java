package org.petition.store.memory;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.SignerCommitments;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentRecord;
import org.petition.store.ConfirmOutcome;
import org.petition.store.ConsentDrafts;
import org.petition.store.Counts;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.ModerationAction;
import org.petition.store.NewSignature;
import org.petition.store.RemoveOutcome;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureState;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;
import org.petition.store.KeyFingerprint;
import org.petition.store.KeyFingerprintStore;
import org.petition.store.memory.internal.CoSigningIndex;
import org.petition.store.memory.internal.IdTable;
import org.petition.store.InvitationStore;
import org.petition.store.memory.internal.InvitationTable;
import org.petition.store.memory.internal.KeyFingerprintTable;
import org.petition.store.memory.internal.Interner;
import org.petition.store.memory.internal.PetitionIndexes;
import org.petition.store.memory.internal.PetitionLog;

/**
 * A thread-safe {@link SignatureStore} in memory: the embedded default for tests, demos and single-instance
 * use. Nothing survives a restart. Counts are sharded ({@link LongAdder}), so concurrent confirmations do
 * not contend on one counter.
 */
public final class InMemorySignatureStore implements SignatureStore, KeyFingerprintStore, InvitationStore {

  private static final ConfirmOutcome NOT_FOUND = new ConfirmOutcome.NotFound();

  private final ConcurrentMap<String, Petition> petitions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, PetitionIndexes> data = new ConcurrentHashMap<>();
  private final IdTable<StoredSignature> signatures = new IdTable<>();
  private final AtomicLong ids = new AtomicLong();
  private final ConsentLedger ledger;
  private final @Nullable SignerCommitments commitments;
  private final ConcurrentMap<Long, ModerationAction> moderation = new ConcurrentHashMap<>();
  private final AtomicLong moderationIds = new AtomicLong();
  private final KeyFingerprintTable keyFingerprints = new KeyFingerprintTable();
  private final InvitationTable invitations = new InvitationTable();
  private final CoSigningIndex coSigning = new CoSigningIndex();
  // The photos of this store's signatures, deleted in the same step as a signature's personal data.
  private final InMemoryPhotoStore photos = new InMemoryPhotoStore();
  // Values that repeat across signatures are stored once; see Interner.
  private final Interner<String> countries = new Interner<>(4_096);
  private final Interner<String> locales = new Interner<>(4_096);
  private final Interner<String> forms = new Interner<>(4_096);
  private final Interner<String> domains = new Interner<>(1 << 16);
  private final Interner<String> cities = new Interner<>(1 << 16);
  private final Interner<String> networks = new Interner<>(1 << 16);
  private final Interner<String> agents = new Interner<>(1 << 16);
  private final Interner<String> names = new Interner<>(1 << 17);
  private final Interner<String> affiliations = new Interner<>(1 << 14);
  private final Interner<ConsentRecord.Evidence> evidences = new Interner<>(1 << 16);

  /** A new, empty store with an in-memory consent ledger, keeping each petition's transparency log. */
  public InMemorySignatureStore() {
    this(ConsentLedger.inMemory());
  }

  /** A new, empty store appending consents to the given ledger, keeping each petition's transparency log. */
  public InMemorySignatureStore(ConsentLedger ledger) {
    this(ledger, true);
  }

  /**
   * A new, empty store appending consents to the given ledger; with {@code transparencyLog}, it appends each
   * petition's log with every change to its count (its signer commitments under a random key of this store:
   * nothing here outlives it).
   */
  public InMemorySignatureStore(ConsentLedger ledger, boolean transparencyLog) {
    this.ledger = Objects.requireNonNull(ledger, "consent ledger must not be null");
    if (transparencyLog) {
      byte[] key = new byte[SignerCommitments.MIN_KEY_LENGTH];
      new SecureRandom().nextBytes(key);
      this.commitments = SignerCommitments.of(key);
    } else {
      this.commitments = null;
    }
  }

  /**
   * The photo store of this store's signatures (for {@link org.petition.Petitions.Builder#photoStore}, which
   * takes it by default with this store): a revocation, erasure, moderator's removal or retention here deletes
   * the signature's photo in the same step as its personal data, with no event in between.
   */
  public InMemoryPhotoStore photos() {
    return photos;
  }

  @Override
  public boolean logEnabled() {
    return commitments != null;
  }

  @Override
  public Frontier logFrontier(String petition) {
    PetitionLog log = log(petition);
    return log == null ? Frontier.empty() : log.frontier();
  }

  @Override
  public List<byte[]> logEntries(String petition, long start, long end) {
    PetitionLog log = log(petition);
    return log == null ? List.of() : log.entries(start, end);
  }

  @Override
  public byte[] logNode(String petition, int level, long index) {
    PetitionLog log = log(petition);
    if (log == null) {
      throw new NoSuchElementException("petition " + petition + " has no log");
    }
    return log.node(level, index);
  }

  @Override
  public Optional<LogEntry> countedEntry(String petition, long number) {
    PetitionLog log = log(petition);
    return log == null ? Optional.empty() : log.counted(number);
  }

  @Override
  public void saveCheckpoint(String petition, long size, String signedNote, Instant at) {
    PetitionLog log = log(petition);
    if (log != null) {
      log.saveCheckpoint(size, signedNote);
    }
  }

  @Override
  public Optional<String> latestCheckpoint(String petition) {
    PetitionLog log = log(petition);
    return log == null ? Optional.empty() : log.latestCheckpoint();
  }

  private @Nullable PetitionLog log(String petition) {
    PetitionIndexes indexes = data.get(petition);
    return indexes == null ? null : indexes.log();
  }

  @Override
  public ConsentLedger consentLedger() {
    return ledger;
  }

  @Override
  public void savePetition(Petition petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    petitions.put(petition.slug(), petition);
    data(petition.slug());
  }

  @Override
  public Optional<Petition> petition(String slug) {
    return Optional.ofNullable(petitions.get(slug));
  }

  @Override
  public List<Petition> petitions() {
    return petitions.values().stream().sorted(Comparator.comparing(Petition::slug)).toList();
  }

  @Override
  public InsertOutcome insert(NewSignature signature, boolean confirmedNow) {
    PetitionIndexes petition = data(signature.petition());
    byte[] emailKey = signature.emailKey();
    byte[] phoneKey = signature.phoneKey();
    long id = ids.incrementAndGet();
    // Claim the unique keys first, as a database's unique indexes would; release on conflict.
    long holder = petition.byEmail.putIfAbsent(PetitionIndexes.prefix(emailKey, 0), PetitionIndexes.prefix(emailKey, 8), signature.householdSlot(), id);
    if (holder != 0) {
      return new InsertOutcome.DuplicateEmail(holder);
    }
    if (phoneKey != null) {
      long phoneHolder = petition.byPhone.putIfAbsent(PetitionIndexes.prefix(phoneKey, 0), PetitionIndexes.prefix(phoneKey, 8), 0, id);
      if (phoneHolder != 0) {
        petition.byEmail.remove(PetitionIndexes.prefix(emailKey, 0), PetitionIndexes.prefix(emailKey, 8), signature.householdSlot(), id);
        return new InsertOutcome.DuplicatePhone(phoneHolder);
      }
    }
    StoredSignature stored = new StoredSignature(id, SignatureState.PENDING, 0, null, compact(petition, signature));
    signatures.put(id, stored);
    if (signature.held()) {
      petition.held.add(id);
    }
    petition.indexName(stored.data(), id);
    if (confirmedNow) {
      confirm(id, signature.signedAt());
    }
    return new InsertOutcome.Inserted(id);
  }

  @Override
  public Optional<StoredSignature> find(long id) {
    return Optional.ofNullable(signatures.get(id));
  }

  @Override
  public List<HouseholdMember> household(String petition, byte[] emailKey) {
    PetitionIndexes petitionData = data.get(petition);
    if (petitionData == null) {
      return List.of();
    }
    List<HouseholdMember> members = new ArrayList<>();
    for (int slot = 0; slot < 64; slot++) {
      long id = petitionData.byEmail.get(PetitionIndexes.prefix(emailKey, 0), PetitionIndexes.prefix(emailKey, 8), slot);
      if (id == 0) {
        continue;
      }
      StoredSignature signature = signatures.get(id);
      if (signature != null && live(signature)) {
        members.add(new HouseholdMember(id, slot, signature.data().nameKey()));
      }
    }
    return members;
  }

  @Override
  public boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey) {
    PetitionIndexes petitionData = data.get(petition);
    if (petitionData == null || (city == null && networkKey == null)) {
      return false;
    }
    // Indexed by (name, city) and (name, network): the lookup costs the same at 10 or 10 million signatures.
    return (city != null && anyLive(petitionData.namedInCity(nameKey, city)))
        || (networkKey != null && anyLive(petitionData.namedOnNetwork(nameKey, networkKey)));
  }

  private boolean anyLive(java.util.@Nullable Set<Long> ids) {
    if (ids == null) {
      return false;
    }
    for (Long id : ids) {
      StoredSignature signature = signatures.get(id);
      if (signature != null && live(signature)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ConfirmOutcome confirm(long id, Instant now) {
    Confirmation confirmation = new Confirmation(now);
    signatures.computeIfPresent(id, confirmation);
    return confirmation.outcome;
  }

  /**
   * One confirmation: the update of its signature, and what it did (one object for what a capturing lambda
   * and a holder of the outcome would be).
   */
  private final class Confirmation implements IdTable.Update<StoredSignature> {
    private final Instant now;
    ConfirmOutcome outcome = NOT_FOUND;

    Confirmation(Instant now) {
      this.now = now;
    }

    @Override
    public StoredSignature apply(long id, StoredSignature signature) {
      switch (signature.state()) {
        case PENDING -> {
          PetitionIndexes petition = data(signature.petition());
          appendGrants(signature.data(), now);
          if (signature.data().held()) {
            outcome = new ConfirmOutcome.Held();
            return new StoredSignature(id, SignatureState.CONFIRMED, 0, now, signature.data());
          }
          long number = petition.count(signature.data(), id, 0, now);
          coSigning.counted(signature.data().emailKey(), signature.petition(), id);
          outcome = new ConfirmOutcome.Counted(number, signature.data().country());
          return new StoredSignature(id, SignatureState.CONFIRMED, number, now, signature.data());
        }
        case CONFIRMED -> outcome = new ConfirmOutcome.AlreadyConfirmed(signature.number());
        case REVOKED, REMOVED -> outcome = new ConfirmOutcome.Gone();
      }
      return signature;
    }
  }

  /** Appends the grants {@link ConsentDrafts#granted} names, in one call to the ledger. */
  private void appendGrants(NewSignature signature, Instant now) {
    if (signature.consents().isEmpty()) {
      return;
    }
    // Shared with every signer who gave the same evidence: the ledger keeps a reference per record.
    ConsentRecord.Evidence evidence = evidences.intern(ConsentDrafts.evidence(signature));
    // The consent list is the one compact() shared among the petition's signatures: the in-memory ledger
    // recognises it at once and reuses what it prepared from it.
    ledger.appendGrants(signature.emailKey(), signature.petition(), signature.consents(), now, evidence);
  }

  @Override
  public List<StoredSignature> held(String petition, long afterId, int limit) {
    PetitionIndexes petitionData = data.get(petition);
    if (petitionData == null) {
      return List.of();
    }
    List<StoredSignature> page = new ArrayList<>();
    for (Long id : petitionData.held.tailSet(afterId, false)) {
      StoredSignature signature = signatures.get(id);
      if (signature != null && live(signature) && signature.data().held()) {
        page.add(signature);
        if (page.size() == limit) {
          break;
        }
      }
    }
    return page;
  }

  @Override
  public ConfirmOutcome approve(long id, Instant now) {
    ConfirmOutcome[] outcome = {new ConfirmOutcome.NotFound()};
    signatures.computeIfPresent(id, (key, signature) -> {
      if (!live(signature)) {
        outcome[0] = new ConfirmOutcome.Gone();
        return signature;
      }
      if (!signature.data().held()) {
        outcome[0] = new ConfirmOutcome.AlreadyConfirmed(signature.number());
        return signature;
      }
      PetitionIndexes petition = data(signature.petition());
      petition.held.remove(id);
      NewSignature approved = withHeld(signature.data(), false);
      if (signature.state() == SignatureState.PENDING) {
        outcome[0] = new ConfirmOutcome.Held();
        return new StoredSignature(id, SignatureState.PENDING, 0, null, approved);
      }
      long number = petition.count(approved, id, 0, now);
      coSigning.counted(approved.emailKey(), approved.petition(), id);
      outcome[0] = new ConfirmOutcome.Counted(number, approved.country());
      return new StoredSignature(id, SignatureState.CONFIRMED, number, signature.confirmedAt(), approved);
    });
    return outcome[0];
  }

  @Override
  public RemoveOutcome remove(long id, Instant now) {
    RemoveOutcome[] outcome = {new RemoveOutcome.NotFound()};
    signatures.computeIfPresent(id, (key, signature) -> {
      if (!live(signature)) {
        outcome[0] = new RemoveOutcome.AlreadyGone();
        return signature;
      }
      boolean wasCounted = signature.counted();
      if (wasCounted) {
        data(signature.petition()).uncount(signature, now);
        coSigning.uncounted(signature.data().emailKey(), signature.petition(), id);
      }
      outcome[0] = new RemoveOutcome.Removed(wasCounted, signature.data().country());
      photos.deleteBySignature(id);
      return new StoredSignature(id, SignatureState.REMOVED, signature.number(), signature.confirmedAt(),
          signature.data());
    });
    return outcome[0];
  }

  @Override
  public boolean restore(long id, Instant now) {
    boolean[] changed = {false};
    signatures.computeIfPresent(id, (key, signature) -> {
      if (signature.state() != SignatureState.REMOVED) {
        return signature;
      }
      changed[0] = true;
      if (signature.confirmedAt() == null) {
        return new StoredSignature(id, SignatureState.PENDING, 0, null, signature.data());
      }
      StoredSignature restored =
          new StoredSignature(id, SignatureState.CONFIRMED, signature.number(), signature.confirmedAt(), signature.data());
      if (restored.counted()) {
        long number = data(signature.petition()).count(signature.data(), id, signature.number(), now);
        coSigning.counted(signature.data().emailKey(), signature.petition(), id);
        return new StoredSignature(id, SignatureState.CONFIRMED, number, signature.confirmedAt(), signature.data());
      }
      return restored;
    });
    if (changed[0]) {
      synchronized (pendingWatermark) {
        pendingWatermark.restores++;
        pendingWatermark.firstPossiblyPending = Math.min(pendingWatermark.firstPossiblyPending, id);
      }
    }
    return changed[0];
  }

  @Override
  public List<StoredSignature> search(String petition, SignatureCriteria criteria, long afterId, int limit) {
    List<StoredSignature> page = new ArrayList<>();
    long last = ids.get();
    for (long id = Math.max(afterId, 0) + 1; id <= last && page.size() < limit; id++) {
      StoredSignature s = signatures.get(id);
      if (s != null && s.petition().equals(petition) && s.state() != SignatureState.REVOKED && criteria.matches(s)) {
        page.add(s);
      }
    }
    return page;
  }

  @Override
  public List<StoredSignature> bySubject(byte[] emailKey) {
    List<StoredSignature> found = new ArrayList<>();
    long last = ids.get();
    for (long id = 1; id <= last; id++) {
      StoredSignature s = signatures.get(id);
      if (s != null && s.data().emailKey().length > 0 && Arrays.equals(s.data().emailKey(), emailKey)) {
        found.add(s);
      }
    }
    return found;
  }

  @Override
  public RemoveOutcome erase(long id, boolean keepCounting, Instant now) {
    StoredSignature current = signatures.get(id);
    if (current == null) {
      return new RemoveOutcome.NotFound();
    }
    if (current.state() == SignatureState.REMOVED) {
      // A moderator's removal kept the data for review; erasure on request takes precedence.
      RemoveOutcome[] outcome = {new RemoveOutcome.AlreadyGone()};
      signatures.computeIfPresent(id, (key, signature) -> {
        if (signature.state() != SignatureState.REMOVED) {
          return signature;
        }
        data(signature.petition()).release(signature);
        forgetPhotoAndAttribution(signature);
        outcome[0] = new RemoveOutcome.Removed(false, signature.data().country());
        return new StoredSignature(id, SignatureState.REVOKED, signature.number(), signature.confirmedAt(),
            erased(signature.data()));
      });
      return outcome[0];
    }
    if (!(keepCounting && current.counted())) {
      return revoke(id, now);
    }
    RemoveOutcome[] outcome = {new RemoveOutcome.NotFound()};
    signatures.computeIfPresent(id, (key, signature) -> {
      outcome[0] = new RemoveOutcome.Removed(false, signature.data().country());
      // Erased, the signer's link to other petitions goes, though the signature still counts.
      coSigning.uncounted(signature.data().emailKey(), signature.petition(), id);
      forgetPhotoAndAttribution(signature); // a photo is personal data, even of an anonymous tally
      // Still counted: the email key stays so the same person cannot count twice; the rest goes.
      return new StoredSignature(id, signature.state(), signature.number(), signature.confirmedAt(),
          anonymised(signature.data(), true));
    });
    return outcome[0];
  }

  @Override
  public int anonymise(String petition, int limit) {
    photos.deleteByPetition(petition); // retention takes every photo of the petition
    int changed = 0;
    long last = ids.get();
    for (long candidateId = 1; candidateId <= last; candidateId++) {
      if (changed >= limit) {
        break;
      }
      StoredSignature candidate = signatures.get(candidateId);
      if (candidate == null) {
        continue;
      }
      if (!candidate.petition().equals(petition) || candidate.data().sealedPersonalData().length == 0) {
        continue;
      }
      boolean[] did = {false};
      signatures.computeIfPresent(candidate.id(), (key, signature) -> {
        if (signature.data().sealedPersonalData().length == 0) {
          return signature;
        }
        did[0] = true;
        data(signature.petition()).release(signature);
        coSigning.forget(signature.data().emailKey(), signature.petition(), key);
        photos.deleteBySignature(key);
        return new StoredSignature(key, signature.state(), signature.number(), signature.confirmedAt(),
            anonymised(signature.data(), false));
      });
      if (did[0]) {
        changed++;
      }
    }
    return changed;
  }

  @Override
  public ModerationAction recordModeration(ModerationAction action) {
    long id = moderationIds.incrementAndGet();
    ModerationAction stored = new ModerationAction(id, action.petition(), action.kind(), action.moderator(),
        action.reason(), action.criteria(), action.signatureIds(), action.at(), action.undoneAt());
    moderation.put(id, stored);
    return stored;
  }

  @Override
  public boolean markUndone(long actionId, Instant at, String moderator) {
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(moderator, "moderator must not be null");
    boolean[] marked = {false};
    moderation.computeIfPresent(actionId, (key, a) -> {
      if (a.undoneAt() != null) {
        return a;
      }
      marked[0] = true;
      return new ModerationAction(a.id(), a.petition(), a.kind(), a.moderator(), a.reason(), a.criteria(),
          a.signatureIds(), a.at(), at, moderator);
    });
    return marked[0];
  }

  @Override
  public Optional<ModerationAction> moderationAction(long actionId) {
    return Optional.ofNullable(moderation.get(actionId));
  }

  @Override
  public List<ModerationAction> moderationLog(String petition, int limit) {
    return moderation.values().stream()
        .filter(a -> a.petition().equals(petition))
        .sorted(Comparator.comparingLong(ModerationAction::id).reversed())
        .limit(limit)
        .toList();
  }

  // Under the signature's entry lock: its photo and its invitation attribution go with its personal data.
  private void forgetPhotoAndAttribution(StoredSignature signature) {
    photos.deleteBySignature(signature.id());
    invitations.unattribute(signature.petition(), signature.id());
  }

  @Override
  public RemoveOutcome revoke(long id, Instant now) {
    RemoveOutcome[] outcome = {new RemoveOutcome.NotFound()};
    signatures.computeIfPresent(id, (key, signature) -> {
      forgetPhotoAndAttribution(signature); // also of one already gone: nothing may outlive the revocation
      if (!live(signature)) {
        outcome[0] = new RemoveOutcome.AlreadyGone();
        return signature;
      }
      PetitionIndexes petition = data(signature.petition());
      boolean wasCounted = signature.counted();
      if (wasCounted) {
        petition.uncount(signature, now);
        coSigning.uncounted(signature.data().emailKey(), signature.petition(), id);
      }
      petition.release(signature);
      outcome[0] = new RemoveOutcome.Removed(wasCounted, signature.data().country());
      return new StoredSignature(id, SignatureState.REVOKED, signature.number(), signature.confirmedAt(),
          erased(signature.data()));
    });
    return outcome[0];
  }

  @Override
  public List<CoSigned> coSigned(String petition, long minSigners, int limit) {
    return coSigning.coSigned(petition, minSigners, limit);
  }

  @Override
  public Counts counts(String petition) {
    PetitionIndexes petitionData = data.get(petition);
    if (petitionData == null) {
      return new Counts(0, Map.of());
    }
    Map<String, Long> byCountry = new HashMap<>();
    petitionData.byCountry.forEach((country, count) -> {
      long value = count.sum();
      if (value > 0) {
        byCountry.put(country, value);
      }
    });
    return new Counts(petitionData.total.sum(), byCountry);
  }

  @Override
  public List<StoredSignature> latest(String petition, @Nullable SignerKind kind, long beforeNumber, int limit) {
    PetitionIndexes petitionData = data.get(petition);
    if (petitionData == null || limit <= 0) {
      return List.of();
    }
    List<StoredSignature> page = new ArrayList<>(Math.min(limit, 100));
    petitionData.counted.descending(kind, beforeNumber, id -> {
      StoredSignature signature = signatures.get(id);
      if (signature != null && signature.counted()) {
        page.add(signature);
      }
      return page.size() < limit;
    });
    return page;
  }

  @Override
  public List<StoredSignature> purgePending(Instant cutoff, int limit) {
    List<StoredSignature> purged = new ArrayList<>();
    long restoresBefore;
    long from;
    synchronized (pendingWatermark) {
      restoresBefore = pendingWatermark.restores;
      from = pendingWatermark.firstPossiblyPending;
    }
    long last = ids.get();
    long stillPending = last + 1;
    long candidateId = from;
    for (; candidateId <= last; candidateId++) {
      if (purged.size() >= limit) {
        break;
      }
      StoredSignature candidate = signatures.get(candidateId);
      if (candidate == null) {
        continue;
      }
      if (candidate.state() != SignatureState.PENDING) {
        continue;
      }
      if (!candidate.data().signedAt().isBefore(cutoff)) {
        stillPending = Math.min(stillPending, candidateId);
        continue;
      }
      StoredSignature[] removed = {null};
      signatures.computeIfPresent(candidate.id(), (key, signature) -> {
        if (signature.state() == SignatureState.PENDING) {
          data(signature.petition()).release(signature);
          photos.deleteBySignature(key); // as the database's foreign key does
          removed[0] = signature;
          return null;
        }
        return signature;
      });
      if (removed[0] != null) {
        purged.add(removed[0]);
      }
    }
    long firstPossiblyPending = Math.min(stillPending, candidateId);
    synchronized (pendingWatermark) {
      // A restore during the scan may have made an id below it pending again: then keep the lower mark.
      if (pendingWatermark.restores == restoresBefore) {
        pendingWatermark.firstPossiblyPending = Math.max(pendingWatermark.firstPossiblyPending, firstPossiblyPending);
      }
    }
    return purged;
  }

  // No id below firstPossiblyPending is pending: the purge starts there instead of at 1, so at millions of
  // confirmed signatures it reads only the recent ones. Only a restore makes an older id pending again; it
  // lowers the mark after changing the state, and a purge that saw a restore during its scan keeps the mark.
  private static final class PendingWatermark {
    long firstPossiblyPending = 1;
    long restores;
  }

  private final PendingWatermark pendingWatermark = new PendingWatermark();

  private PetitionIndexes data(String petition) {
    return data.computeIfAbsent(petition,
        slug -> new PetitionIndexes(commitments == null ? null : new PetitionLog(slug, commitments)));
  }

  private static boolean live(StoredSignature signature) {
    return signature.state() == SignatureState.PENDING || signature.state() == SignatureState.CONFIRMED;
  }

  /** What a revoked signature keeps: nothing personal, nothing that identifies its owner. */
  static NewSignature erased(NewSignature data) {
    return NewSignature.builder(data.petition(), data.kind())
        .emailKey(new byte[0]).householdSlot(data.householdSlot()).nameKey(new byte[0])
        .commentHidden(true).country(data.country()).emailDomain("").sealedPersonalData(new byte[0])
        .signedAt(data.signedAt()).held(data.held()).findings(data.findings()).consents(data.consents())
        .locale(data.locale())
        .build();
  }

  /** What retention or erasure keeps: the public entry under its display name, no personal data. */
  static NewSignature anonymised(NewSignature data, boolean keepEmailKey) {
    return NewSignature.builder(data.petition(), data.kind())
        .emailKey(keepEmailKey ? data.emailKey() : new byte[0]).householdSlot(data.householdSlot())
        .nameKey(new byte[0]).displayName(data.displayName()).nickname(data.nickname()).comment(data.comment())
        .commentHidden(data.commentHidden()).affiliation(data.affiliation()).city(data.city())
        .country(data.country()).emailDomain("").sealedPersonalData(new byte[0]).signedAt(data.signedAt())
        .held(data.held()).findings(data.findings()).consents(data.consents()).locale(data.locale())
        .build();
  }

  static NewSignature withHeld(NewSignature d, boolean held) {
    return d.toBuilder().held(held).build();
  }

  /** The signature as stored: the same data, with repeated values shared rather than copied. */
  // JDK 17's javac drops type-use annotations (byte @Nullable []) from the implicit parameters of a record's
  // canonical constructor, so NullAway takes them for non-null; they are nullable, as the record declares.
  @SuppressWarnings("NullAway")
  private NewSignature compact(PetitionIndexes petition, NewSignature d) {
    return new NewSignature(d.petition(), d.kind(), d.emailKey(), d.householdSlot(), d.phoneKey(), d.nameKey(),
        d.networkKey(), names.internNullable(d.displayName()), d.nickname(), d.comment(), d.commentHidden(),
        affiliations.internNullable(d.affiliation()), cities.internNullable(d.city()),
        countries.internNullable(d.country()), domains.intern(d.emailDomain()), networks.internNullable(d.network()),
        d.sealedPersonalData(), d.signedAt(), d.held(), petition.findingSets.intern(d.findings()),
        petition.consentSets.intern(d.consents()),
        forms.internNullable(d.formId()), agents.internNullable(d.userAgentHash()), locales.intern(d.locale()));
  }



  @Override
  public List<KeyFingerprint> keyFingerprints() {
    return keyFingerprints.all();
  }

  @Override
  public void recordKeyFingerprints(List<KeyFingerprint> fingerprints) {
    keyFingerprints.record(fingerprints);
  }

  @Override
  public boolean recordInvitation(String petition, byte[] emailKey, Instant at) {
    return invitations.record(petition, emailKey, at);
  }

  @Override
  public void forgetInvitation(String petition, byte[] emailKey) {
    invitations.forget(petition, emailKey);
  }

  @Override
  public void suppress(byte[] emailKey, Instant at) {
    invitations.suppress(emailKey, at);
  }

  @Override
  public boolean suppressed(byte[] emailKey) {
    return invitations.suppressed(emailKey);
  }

  @Override
  public void attributeToInvitation(String petition, long signatureId) {
    invitations.attribute(petition, signatureId);
  }

  @Override
  public long invitationsSent(String petition) {
    return invitations.sent(petition);
  }

  @Override
  public long signaturesFromInvitations(String petition) {
    return invitations.attributed(petition, this::counts);
  }

  private boolean counts(long id) {
    return find(id).map(StoredSignature::counted).orElse(false);
  }

  @Override
  public List<Invited> invitationsOf(byte[] emailKey) {
    return invitations.invitationsOf(emailKey);
  }

  @Override
  public Optional<Instant> suppressedAt(byte[] emailKey) {
    return invitations.suppressedAt(emailKey);
  }

  @Override
  public int forgetInvitee(byte[] emailKey) {
    return invitations.forgetInvitee(emailKey);
  }

  @Override
  public int forgetPetition(String petition) {
    return invitations.forgetPetition(petition, this::counts);
  }
}
