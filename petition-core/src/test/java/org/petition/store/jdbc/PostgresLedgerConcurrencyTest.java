package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.store.TestSignatures.T0;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.VerificationReport;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.TestSignatures;


/**
 * Eight threads confirming signatures of different subjects at once, each confirmation appending its grants
 * to the consent ledger in its own transaction: every chain stays dense and linked, its head row names its
 * last record, and a verification running all along (in its own snapshot) never sees a half-written chain.
 * Half the threads sign subjects of one chain only, so that chain's head lock is fought over.
 */
class PostgresLedgerConcurrencyTest extends PostgresTestSupport {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 40;
  private static final ConsentChain CHAINS = ConsentChain.ofDefaults();

  @Test
  void eightThreadsConfirmingDifferentSubjectsKeepEveryChainDenseAndVerified() throws Exception {
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool(THREADS + 2)).build();
    String petition = "ledger-race";
    store.savePetition(Petition.builder(petition).title("Ledger race").goal(1000).build());

    // Pending signatures of distinct subjects; threads 0-3 get subjects of chain 5 only.
    List<List<Long>> work = new ArrayList<>();
    List<NewSignature> signed = new ArrayList<>();
    int candidate = 0;
    for (int t = 0; t < THREADS; t++) {
      List<Long> ids = new ArrayList<>();
      while (ids.size() < PER_THREAD) {
        NewSignature signature = TestSignatures.on(petition, "p" + candidate++ + "@example.org").build();
        if (t < THREADS / 2 && CHAINS.chainOf(ConsentSubjects.of(signature.emailKey())) != 5) {
          continue;
        }
        ids.add(((InsertOutcome.Inserted) store.insert(signature, false)).id());
        signed.add(signature);
      }
      work.add(ids);
    }

    CyclicBarrier start = new CyclicBarrier(THREADS + 1);
    AtomicBoolean confirming = new AtomicBoolean(true);
    AtomicInteger verifications = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try {
      List<Future<Integer>> confirmers = new ArrayList<>();
      for (List<Long> ids : work) {
        confirmers.add(pool.submit(() -> {
          start.await();
          int counted = 0;
          for (long id : ids) {
            if (store.confirm(id, T0) instanceof ConfirmOutcome.Counted) {
              counted++;
            }
          }
          return counted;
        }));
      }
      Future<List<VerificationReport>> verifier = pool.submit(() -> {
        start.await();
        List<VerificationReport> reports = new ArrayList<>();
        while (confirming.get()) {
          reports.add(store.consentLedger().verify());
          verifications.incrementAndGet();
        }
        return reports;
      });
      int counted = 0;
      for (Future<Integer> confirmer : confirmers) {
        counted += confirmer.get(5, TimeUnit.MINUTES);
      }
      confirming.set(false);
      assertThat(counted).isEqualTo(THREADS * PER_THREAD);
      // Every verification made while appends were committing saw whole chains only.
      assertThat(verifier.get(5, TimeUnit.MINUTES)).isNotEmpty().allSatisfy(r -> assertThat(r.ok()).isTrue());
    } finally {
      pool.shutdownNow();
    }

    int records = THREADS * PER_THREAD * 2;
    assertThat(store.counts(petition).total()).isEqualTo(THREADS * PER_THREAD);
    assertThat(store.consentLedger().verify()).isEqualTo(new VerificationReport.Ok(records));

    // Dense chains: sequences 0..n-1 without a gap, and each head names its chain's last record.
    Map<Integer, Long> sizes = new HashMap<>();
    try (Connection connection = database.connect();
        PreparedStatement statement = connection.prepareStatement("SELECT r.chain, COUNT(*), MIN(r.sequence),"
            + " MAX(r.sequence), h.sequence, h.hash, (SELECT hash FROM consent_record l WHERE l.chain = r.chain"
            + " AND l.sequence = h.sequence) FROM consent_record r JOIN consent_chain_head h ON h.chain = r.chain"
            + " GROUP BY r.chain, h.sequence, h.hash ORDER BY r.chain");
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        int chain = row.getInt(1);
        long count = row.getLong(2);
        assertThat(row.getLong(3)).as("chain %d starts at 0", chain).isZero();
        assertThat(row.getLong(4)).as("chain %d is dense", chain).isEqualTo(count - 1);
        assertThat(row.getLong(5)).as("chain %d head sequence", chain).isEqualTo(count - 1);
        assertThat(row.getString(6)).as("chain %d head hash", chain).isEqualTo(row.getString(7));
        sizes.put(chain, count);
      }
    }
    assertThat(sizes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(records);
    assertThat(sizes).hasSizeGreaterThan(8); // the random half spread over most chains
    assertThat(sizes.get(5)).isGreaterThanOrEqualTo(THREADS / 2 * PER_THREAD * 2L);

    for (NewSignature signature : signed) {
      List<ConsentRecord> grants = store.consentLedger().recordsOf(ConsentSubjects.of(signature.emailKey()));
      assertThat(grants).hasSize(2);
      // Both grants of one confirmation were appended under one hold of the chain's head: adjacent.
      assertThat(grants.get(1).sequence()).isEqualTo(grants.get(0).sequence() + 1);
    }
  }
}
