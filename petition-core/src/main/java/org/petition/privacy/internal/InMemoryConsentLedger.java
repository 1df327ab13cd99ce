package org.petition.privacy.internal;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;

/**
 * A consent ledger in memory: one lock per chain, so appends for subjects of different chains run in
 * parallel. The head hash of each chain is kept apart from its records, as a store would keep it in
 * another table, so that {@link #verify()} reveals a truncated tail. Records are kept compactly (see
 * {@link StoredConsents}) and rebuilt when read: millions of them must fit in the heap.
 */
public final class InMemoryConsentLedger implements ConsentLedger {

  // The grants appendGrants prepared, by petition and consent list: a direct-mapped cache indexed by the
  // petition and the list's size, each slot replaced by the last list that mapped to it; a hit is the same
  // list (the in-memory store shares one among a petition's signatures) or an equal one. Entries are
  // immutable, so a plain array publishes them safely.
  private static final int PREPARED_SLOTS = 64;

  private final ConsentChain chains;
  private final ConsentShard[] shards;
  private final @Nullable PreparedGrants[] prepared = new PreparedGrants[PREPARED_SLOTS];

  /** An empty ledger with the given chains. */
  public InMemoryConsentLedger(ConsentChain chains) {
    this.chains = Objects.requireNonNull(chains, "chains must not be null");
    this.shards = new ConsentShard[chains.chainCount()];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = new ConsentShard(i);
    }
  }

  @Override
  public ConsentRecord append(ConsentRecord.Draft draft) {
    Objects.requireNonNull(draft, "draft must not be null");
    if (draft.action() != ConsentRecord.Action.GRANTED) {
      throw new IllegalArgumentException("append takes grants only; use withdraw to withdraw a consent");
    }
    ConsentShard shard = shards[chains.chainOf(draft.subject())];
    shard.lock.lock();
    try {
      return shard.add(chains, draft);
    } finally {
      shard.lock.unlock();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here without drafts or records: the grants of a consent list are checked and their terms encoded
   * once (as long as the same or an equal list comes back for the petition), the subject is taken from the key as it is, each
   * record is hashed in one reused buffer per thread and stored compactly. What cannot be stored compactly
   * (a subject key or time out of range, a draft that would be refused, which then throws as its
   * constructor does) goes the general way, one {@link #append} per draft.
   */
  @Override
  public void appendGrants(byte[] emailKey, String petition, List<ConsentGrant> consents, Instant at,
      ConsentRecord.Evidence evidence) {
    if (!ConsentFields.checkGrantArguments(emailKey, petition, consents, at, evidence)) {
      return;
    }
    long atNanos = StoredConsents.epochNanos(at);
    PreparedGrants grants = ConsentFields.isSubjectKeyLength(emailKey.length) ? prepared(petition, consents) : null;
    if (grants == null || atNanos == StoredConsents.NO_EPOCH_NANOS || !ConsentFields.isValid(evidence)) {
      ConsentLedger.super.appendGrants(emailKey, petition, consents, at, evidence);
      return;
    }
    int chain = ConsentEncoding.chainOfKey(emailKey, shards.length);
    ConsentEncoding.GrantHasher hasher = ConsentEncoding.GrantHasher.get();
    hasher.begin(chain, emailKey, at, evidence);
    ConsentShard shard = shards[chain];
    shard.lock.lock();
    try {
      shard.addGrants(chains, emailKey, grants, hasher, at, atNanos, evidence);
    } finally {
      shard.lock.unlock();
    }
  }

  /** The prepared grants of {@code consents} for {@code petition}, or null if a draft of one would be refused. */
  private @Nullable PreparedGrants prepared(String petition, List<ConsentGrant> consents) {
    int slot = (petition.hashCode() * 31 + consents.size()) & (PREPARED_SLOTS - 1);
    PreparedGrants cached = prepared[slot];
    if (cached != null && cached.petition.equals(petition)
        && (cached.consents == consents || cached.consents.equals(consents))) {
      return cached;
    }
    PreparedGrants fresh = PreparedGrants.of(petition, consents);
    if (fresh != null) {
      prepared[slot] = fresh;
    }
    return fresh;
  }

  @Override
  public WithdrawResult withdraw(
      String subject, String petition, ConsentPurpose purpose, Instant at, ConsentRecord.Evidence evidence) {
    Objects.requireNonNull(subject, "subject must not be null");
    ConsentShard shard = shards[chains.chainOf(subject)];
    shard.lock.lock();
    try {
      Optional<ConsentRecord.Draft> withdrawal =
          ConsentLedger.withdrawalOf(shard.recordsOf(subject), petition, purpose, at, evidence);
      if (withdrawal.isEmpty()) {
        return new WithdrawResult.NotGranted();
      }
      return new WithdrawResult.Withdrawn(shard.add(chains, withdrawal.get()));
    } finally {
      shard.lock.unlock();
    }
  }

  @Override
  public List<ConsentRecord> recordsOf(String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    ConsentShard shard = shards[chains.chainOf(subject)];
    shard.lock.lock();
    try {
      return List.copyOf(shard.recordsOf(subject));
    } finally {
      shard.lock.unlock();
    }
  }

  @Override
  public VerificationReport verify() {
    long total = 0;
    for (int chain = 0; chain < shards.length; chain++) {
      ConsentShard shard = shards[chain];
      StoredConsents records;
      String head;
      shard.lock.lock();
      try {
        records = shard.snapshot();
        head = shard.head();
      } finally {
        shard.lock.unlock();
      }
      // Hashing happens outside the lock so verification does not stall appends; records are rebuilt one
      // at a time as the chain is walked, never all at once.
      Iterable<ConsentRecord> walk = () -> new Iterator<>() {
        private int position;

        @Override
        public boolean hasNext() {
          return position < records.size();
        }

        @Override
        public ConsentRecord next() {
          if (position >= records.size()) {
            throw new NoSuchElementException();
          }
          return shard.record(records, position++);
        }
      };
      VerificationReport report = chains.verify(chain, walk, head);
      if (report instanceof VerificationReport.Ok ok) {
        total += ok.recordsChecked();
      } else {
        return report;
      }
    }
    return new VerificationReport.Ok(total);
  }

  /** The hash of the last record of {@code chain}, {@link ConsentChain#GENESIS_HASH} while it is empty. */
  public String head(int chain) {
    Objects.checkIndex(chain, shards.length);
    ConsentShard shard = shards[chain];
    shard.lock.lock();
    try {
      return shard.head();
    } finally {
      shard.lock.unlock();
    }
  }

  /**
   * What the ledger holds now, to come back to with {@link #rollBack}: for benchmarks that must measure
   * the same state in every iteration. Never use it otherwise: the ledger is append-only. Holds a copy of
   * every chain's subject index (8 bytes a slot).
   */
  public Checkpoint checkpoint() {
    ConsentShard.Checkpoint[] states = new ConsentShard.Checkpoint[shards.length];
    for (int chain = 0; chain < shards.length; chain++) {
      ConsentShard shard = shards[chain];
      shard.lock.lock();
      try {
        states[chain] = shard.checkpoint();
      } finally {
        shard.lock.unlock();
      }
    }
    return new Checkpoint(this, states);
  }

  /**
   * Forgets every record appended since {@code checkpoint} was taken of this ledger, as if they had never
   * been: for benchmarks only, between measurements, never while appending (see {@link #checkpoint}).
   *
   * @throws IllegalArgumentException if the checkpoint is another ledger's
   */
  public void rollBack(Checkpoint checkpoint) {
    if (checkpoint.ledger != this) {
      throw new IllegalArgumentException("the checkpoint is another ledger's");
    }
    for (int chain = 0; chain < shards.length; chain++) {
      ConsentShard shard = shards[chain];
      shard.lock.lock();
      try {
        shard.rollBack(checkpoint.chains[chain]);
      } finally {
        shard.lock.unlock();
      }
    }
  }

  /** The state of a ledger at one point, see {@link #checkpoint}. */
  public static final class Checkpoint {
    private final InMemoryConsentLedger ledger;
    private final ConsentShard.Checkpoint[] chains;

    private Checkpoint(InMemoryConsentLedger ledger, ConsentShard.Checkpoint[] chains) {
      this.ledger = ledger;
      this.chains = chains;
    }
  }

  /**
   * A live view of the stored records of one chain, for tests that tamper with the store to check that
   * {@link #verify()} notices: a change through it stores the records as they then read, kept whole, and
   * leaves the head alone. Never use it otherwise.
   */
  List<ConsentRecord> storedRecordsForTampering(int chain) {
    ConsentShard shard = shards[chain];
    return new AbstractList<>() {
      @Override
      public ConsentRecord get(int index) {
        shard.lock.lock();
        try {
          Objects.checkIndex(index, shard.size());
          return shard.record(index);
        } finally {
          shard.lock.unlock();
        }
      }

      @Override
      public int size() {
        shard.lock.lock();
        try {
          return shard.size();
        } finally {
          shard.lock.unlock();
        }
      }

      @Override
      public ConsentRecord set(int index, ConsentRecord record) {
        ConsentRecord[] old = new ConsentRecord[1];
        change(records -> old[0] = records.set(index, record));
        return old[0];
      }

      @Override
      public void add(int index, ConsentRecord record) {
        change(records -> records.add(index, record));
      }

      @Override
      public ConsentRecord remove(int index) {
        ConsentRecord[] old = new ConsentRecord[1];
        change(records -> old[0] = records.remove(index));
        return old[0];
      }

      private void change(Consumer<List<ConsentRecord>> change) {
        shard.lock.lock();
        try {
          List<ConsentRecord> records = new ArrayList<>(shard.size());
          for (int i = 0; i < shard.size(); i++) {
            records.add(shard.record(i));
          }
          change.accept(records);
          shard.replaceForTampering(records);
          modCount++;
        } finally {
          shard.lock.unlock();
        }
      }
    };
  }
}
