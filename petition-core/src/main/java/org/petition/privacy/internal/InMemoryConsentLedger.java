package org.petition.privacy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.petition.ConsentPurpose;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;

/**
 * A consent ledger in memory: one lock per chain, so appends for subjects of different chains run in
 * parallel. The head hash of each chain is kept apart from its records, as a store would keep it in
 * another table, so that {@link #verify()} reveals a truncated tail.
 */
public final class InMemoryConsentLedger implements ConsentLedger {

  private final ConsentChain chains;
  private final Shard[] shards;

  /** An empty ledger with the given chains. */
  public InMemoryConsentLedger(ConsentChain chains) {
    this.chains = Objects.requireNonNull(chains, "chains must not be null");
    this.shards = new Shard[chains.chainCount()];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = new Shard();
    }
  }

  @Override
  public ConsentRecord append(ConsentRecord.Draft draft) {
    Objects.requireNonNull(draft, "draft must not be null");
    if (draft.action() != ConsentRecord.Action.GRANTED) {
      throw new IllegalArgumentException("append takes grants only; use withdraw to withdraw a consent");
    }
    Shard shard = shards[chains.chainOf(draft.subject())];
    shard.lock.lock();
    try {
      return shard.add(chains, draft);
    } finally {
      shard.lock.unlock();
    }
  }

  @Override
  public WithdrawResult withdraw(
      String subject, String petition, ConsentPurpose purpose, Instant at, ConsentRecord.Evidence evidence) {
    Objects.requireNonNull(subject, "subject must not be null");
    Shard shard = shards[chains.chainOf(subject)];
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
    Shard shard = shards[chains.chainOf(subject)];
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
      Shard shard = shards[chain];
      List<ConsentRecord> records;
      String head;
      shard.lock.lock();
      try {
        records = List.copyOf(shard.records);
        head = shard.head;
      } finally {
        shard.lock.unlock();
      }
      // Hashing happens outside the lock so verification does not stall appends.
      VerificationReport report = chains.verify(chain, records, head);
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
    Shard shard = shards[chain];
    shard.lock.lock();
    try {
      return shard.head;
    } finally {
      shard.lock.unlock();
    }
  }

  /**
   * The live list of stored records of one chain, for tests that tamper with the store to check that
   * {@link #verify()} notices. Never use it otherwise.
   */
  List<ConsentRecord> storedRecordsForTampering(int chain) {
    return shards[chain].records;
  }

  private static final class Shard {
    final ReentrantLock lock = new ReentrantLock();
    final List<ConsentRecord> records = new ArrayList<>();
    final Map<String, List<ConsentRecord>> bySubject = new HashMap<>();
    String head = ConsentChain.GENESIS_HASH;

    /** Links and stores a draft; the caller holds the lock. */
    ConsentRecord add(ConsentChain chains, ConsentRecord.Draft draft) {
      ConsentRecord previous = records.isEmpty() ? null : records.get(records.size() - 1);
      ConsentRecord record = chains.link(draft, previous);
      records.add(record);
      bySubject.computeIfAbsent(record.subject(), s -> new ArrayList<>()).add(record);
      head = record.hash();
      return record;
    }

    /** The caller holds the lock. */
    List<ConsentRecord> recordsOf(String subject) {
      return bySubject.getOrDefault(subject, List.of());
    }
  }
}
