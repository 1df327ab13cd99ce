package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.store.TestSignatures.T0;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;
import org.petition.store.ConfirmOutcome;
import org.petition.store.Counts;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.PetitionStoreException;
import org.petition.store.SignatureState;
import org.petition.store.SignatureStoreContract;
import org.petition.store.TestSignatures;
import org.petition.store.jdbc.internal.Confirmations;
import org.petition.store.jdbc.internal.NearDuplicates;


/**
 * The store contract plus what only a database store can be asked: that the consent ledger notices rows
 * changed or deleted behind its back, that a confirmation is one transaction with its ledger records, and
 * that a ledger built alone over the same data source shares the store's records. Tests that tamper with
 * rows repair them before they end, since the database is shared by every test of the class.
 */
abstract class JdbcStoreContract extends SignatureStoreContract {

  /** The data source the store of {@link #newStore()} uses. */
  protected abstract DataSource dataSource();

  /** Each confirmation in a transaction of its own, four at once: concurrent transactions really race. */
  @Override
  protected org.petition.store.SignatureStore racingStore() {
    return JdbcSignatureStore.builder(dataSource()).migrate(false).batchSize(1).concurrentBatches(4).build();
  }

  private static final ConsentChain CHAINS = ConsentChain.ofDefaults();

  private static String newSubject() {
    return ConsentSubjects.of(TestSignatures.key("email:" + uniqueEmail("ledger")));
  }

  private static ConsentRecord.Draft grant(String subject, int n) {
    return new ConsentRecord.Draft(subject, "tamper", ConsentPurpose.TERMS, "terms", "v" + n, "a".repeat(64),
        ConsentRecord.Action.GRANTED, Instant.parse("2025-03-01T10:15:30.123456789Z").plusSeconds(n),
        new ConsentRecord.Evidence("form-1", "203.0.113.0/24", null, "en"));
  }

  @Test
  void aChangedRecordIsNamedByItsChainAndSequenceEvenPastTheFirstBatch() throws Exception {
    ConsentLedger ledger = store.consentLedger();
    String subject = newSubject();
    // More than one verification batch (1,000) in this chain, so the cursor's paging is what finds it.
    List<ConsentRecord> records = new ArrayList<>();
    for (int i = 0; i < 1_050; i++) {
      records.add(ledger.append(grant(subject, i)));
    }
    assertThat(ledger.verify()).isInstanceOf(VerificationReport.Ok.class);
    ConsentRecord target = records.get(1_020);
    long chain = target.chain();
    assertThat(target.sequence()).isGreaterThanOrEqualTo(1_020);

    update("UPDATE consent_record SET document_sha256 = ? WHERE chain = ? AND sequence = ?", "f".repeat(64),
        (int) chain, target.sequence());
    try {
      VerificationReport report = ledger.verify();
      assertThat(report).isInstanceOf(VerificationReport.Broken.class);
      VerificationReport.Broken broken = (VerificationReport.Broken) report;
      assertThat(broken.chain()).isEqualTo(chain);
      assertThat(broken.sequence()).isEqualTo(target.sequence());
      assertThat(broken.problem()).isEqualTo(VerificationReport.Problem.HASH_MISMATCH);
      assertThat(broken.detail()).doesNotContain(subject);
    } finally {
      update("UPDATE consent_record SET document_sha256 = ? WHERE chain = ? AND sequence = ?", "a".repeat(64),
          (int) chain, target.sequence());
    }
    assertThat(ledger.verify()).isInstanceOf(VerificationReport.Ok.class);
  }

  @Test
  void aDeletedTailIsAHeadMismatchAndADeletedMiddleRecordASequenceGap() throws Exception {
    ConsentLedger ledger = store.consentLedger();
    String subject = newSubject();
    ConsentRecord first = ledger.append(grant(subject, 1));
    ConsentRecord middle = ledger.append(grant(subject, 2));
    ConsentRecord last = ledger.append(grant(subject, 3));
    int chain = (int) last.chain();

    update("DELETE FROM consent_record WHERE chain = ? AND sequence = ?", chain, last.sequence());
    try {
      VerificationReport.Broken broken = (VerificationReport.Broken) ledger.verify();
      assertThat(broken.chain()).isEqualTo(chain);
      assertThat(broken.sequence()).isEqualTo(last.sequence());
      assertThat(broken.problem()).isEqualTo(VerificationReport.Problem.HEAD_MISMATCH);
    } finally {
      insert(last);
    }
    assertThat(ledger.verify().ok()).isTrue();

    update("DELETE FROM consent_record WHERE chain = ? AND sequence = ?", chain, middle.sequence());
    try {
      VerificationReport.Broken broken = (VerificationReport.Broken) ledger.verify();
      assertThat(broken.chain()).isEqualTo(chain);
      assertThat(broken.sequence()).isEqualTo(middle.sequence());
      assertThat(broken.problem()).isEqualTo(VerificationReport.Problem.SEQUENCE_GAP);
    } finally {
      insert(middle);
    }
    assertThat(ledger.verify().ok()).isTrue();
    assertThat(ledger.recordsOf(subject)).containsExactly(first, middle, last);
  }

  @Test
  void aRecordThatCannotBeReadIsReportedWhereItStands() throws Exception {
    ConsentLedger ledger = store.consentLedger();
    String subject = newSubject();
    ledger.append(grant(subject, 1));
    ConsentRecord second = ledger.append(grant(subject, 2));
    int chain = (int) second.chain();
    update("UPDATE consent_record SET purpose = 'NO_SUCH_PURPOSE' WHERE chain = ? AND sequence = ?", chain,
        second.sequence());
    try {
      VerificationReport.Broken broken = (VerificationReport.Broken) ledger.verify();
      assertThat(broken.chain()).isEqualTo(chain);
      assertThat(broken.sequence()).isEqualTo(second.sequence());
      assertThat(broken.problem()).isEqualTo(VerificationReport.Problem.HASH_MISMATCH);
      assertThatThrownBy(() -> ledger.recordsOf(subject)).isInstanceOf(PetitionStoreException.class)
          .hasMessageContaining("SQLState 22000");
    } finally {
      update("UPDATE consent_record SET purpose = 'TERMS' WHERE chain = ? AND sequence = ?", chain,
          second.sequence());
    }
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void aConfirmationWhoseLedgerAppendFailsChangesNothing() throws Exception {
    String petition = newPetition();
    String email = uniqueEmail("atomic");
    NewSignature signature = TestSignatures.on(petition, email).build();
    long id = ((InsertOutcome.Inserted) store.insert(signature, false)).id();
    String subject = ConsentSubjects.of(signature.emailKey());
    int chain = CHAINS.chainOf(subject);
    long headSequence;
    String headHash;
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement("SELECT sequence, hash FROM consent_chain_head WHERE chain = ?")) {
      statement.setInt(1, chain);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        headSequence = row.getLong(1);
        headHash = row.getString(2);
      }
    }

    // Without its chain's head row the append fails, after the signature and the counter were updated.
    update("DELETE FROM consent_chain_head WHERE chain = ?", chain);
    try {
      assertThatThrownBy(() -> store.confirm(id, T0)).isInstanceOf(PetitionStoreException.class)
          .hasMessageContaining("SQLState 55000");
      // A second household slot of the same address: the same subject, so the same chain.
      assertThatThrownBy(() -> store.insert(TestSignatures.on(petition, email).slot(1).name("Sam", "Lee")
          .build(), true)).isInstanceOf(PetitionStoreException.class);
    } finally {
      update("INSERT INTO consent_chain_head (chain, sequence, hash) VALUES (?, ?, ?)", chain, headSequence, headHash);
    }
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(SignatureState.PENDING);
    assertThat(store.counts(petition)).isEqualTo(new Counts(0, java.util.Map.of()));
    assertThat(store.consentLedger().recordsOf(subject)).isEmpty();

    assertThat(store.confirm(id, T0)).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(store.consentLedger().recordsOf(subject)).hasSize(2);
    assertThat(store.consentLedger().verify().ok()).isTrue();
  }

  @Test
  void aLedgerBuiltAloneSharesTheStoresRecordsAndItsChainCount() {
    String petition = newPetition();
    NewSignature signature = TestSignatures.on(petition, uniqueEmail("alone")).build();
    store.insert(signature, true);
    String subject = ConsentSubjects.of(signature.emailKey());

    JdbcConsentLedger alone = JdbcConsentLedger.builder(dataSource()).build();
    assertThat(alone.recordsOf(subject)).hasSize(2).isEqualTo(store.consentLedger().recordsOf(subject));
    assertThat(alone.withdraw(subject, petition, ConsentPurpose.TERMS, T0, ConsentRecord.Evidence.none()))
        .isInstanceOf(WithdrawResult.Withdrawn.class);
    assertThat(store.consentLedger().isGranted(subject, petition, ConsentPurpose.TERMS)).isFalse();
    assertThat(alone.verify().ok()).isTrue();
    assertThat(JdbcConsentLedger.builder(dataSource()).migrate(false).build().verify().ok()).isTrue();

    // Records are linked under 16 chains: another count would scatter subjects, so it is refused.
    assertThatThrownBy(() -> JdbcConsentLedger.builder(dataSource()).chains(ConsentChain.of(8)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 chains, not 8");
    assertThatThrownBy(() -> JdbcSignatureStore.builder(dataSource()).consentChains(ConsentChain.of(32)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 chains, not 32");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Group commit: the batch paths, called directly so each case is certain to be in one batch

  /** A connection of the data source in the store's schema (the PostgreSQL tests' URLs put it first). */
  private Connection connect() throws SQLException {
    Connection connection = dataSource().getConnection();
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      connection.setSchema("PETITION");
    }
    return connection;
  }

  private boolean postgres() throws SQLException {
    try (Connection connection = dataSource().getConnection()) {
      return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }
  }

  private long storedRows(String petition) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM signature WHERE petition = ?")) {
      statement.setString(1, petition);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Test
  void aBatchOfSigningsInsertsTheFreeOnesAndLeavesEveryConflictToItsOwnTransaction() throws Exception {
    JdbcSignatureStore jdbc = (JdbcSignatureStore) store;
    String petition = newPetition();
    long existing = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, "a@example.org").build(),
        false)).id();
    List<NewSignature> batch = List.of(
        TestSignatures.on(petition, "b@example.org").build(),
        TestSignatures.on(petition, "a@example.org").name("Other", "Person").build(), // taken before the batch
        TestSignatures.on(petition, "c@example.org").build(),
        TestSignatures.on(petition, "c@example.org").name("Cecile", "Roy").build(), // taken within the batch
        TestSignatures.on(petition, "d@example.org").phone("+821012345678").build(),
        TestSignatures.on(petition, "e@example.org").phone("+821012345678").build()); // phone taken within

    if (!postgres()) {
      // H2 cannot skip a conflicting row: the batch fails as a whole, leaving nothing, and each runs alone.
      assertThatThrownBy(() -> jdbc.insertPending(batch)).isInstanceOf(PetitionStoreException.class)
          .hasMessageContaining("SQLState 23505");
      assertThat(storedRows(petition)).isEqualTo(1);
      List<@Nullable InsertOutcome> free = jdbc.insertPending(List.of(batch.get(0), batch.get(2), batch.get(4)));
      assertThat(free).allMatch(outcome -> outcome instanceof InsertOutcome.Inserted);
      assertThat(storedRows(petition)).isEqualTo(4);
      return;
    }
    List<@Nullable InsertOutcome> outcomes = jdbc.insertPending(batch);
    assertThat(outcomes).hasSize(6);
    assertThat(outcomes.get(0)).isInstanceOf(InsertOutcome.Inserted.class);
    assertThat(outcomes.get(1)).isNull();
    assertThat(outcomes.get(2)).isInstanceOf(InsertOutcome.Inserted.class);
    assertThat(outcomes.get(3)).isNull();
    assertThat(outcomes.get(4)).isInstanceOf(InsertOutcome.Inserted.class);
    assertThat(outcomes.get(5)).isNull();
    assertThat(storedRows(petition)).isEqualTo(4);
    long c = ((InsertOutcome.Inserted) outcomes.get(2)).id();
    long d = ((InsertOutcome.Inserted) outcomes.get(4)).id();
    assertThat(store.find(c).orElseThrow().state()).isEqualTo(SignatureState.PENDING);
    assertSameData(store.find(c).orElseThrow().data(), batch.get(2));

    // What the batch left, run alone, names the signature in its way.
    assertThat(store.insert(batch.get(1), false)).isEqualTo(new InsertOutcome.DuplicateEmail(existing));
    assertThat(store.insert(batch.get(3), false)).isEqualTo(new InsertOutcome.DuplicateEmail(c));
    assertThat(store.insert(batch.get(5), false)).isEqualTo(new InsertOutcome.DuplicatePhone(d));
    assertThat(storedRows(petition)).isEqualTo(4);
  }

  @Test
  void aBatchOfConfirmationsAppendsItsEntriesAndKeepsNoNodeBelowAFullTile() throws Exception {
    JdbcSignatureStore jdbc = (JdbcSignatureStore) store;
    String petition = newPetition();
    long first = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, uniqueEmail("l0")).build(),
        false)).id();
    store.confirm(first, T0); // alone: creates the counters, so the batch below settles every one of its own
    List<Confirmations.Confirmation> batch = new ArrayList<>();
    for (int i = 1; i < 7; i++) {
      long id = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, uniqueEmail("l" + i)).build(),
          false)).id();
      batch.add(new Confirmations.Confirmation(id, T0.plusSeconds(i)));
    }
    assertThat(jdbc.confirmAll(batch)).allMatch(outcome -> outcome instanceof ConfirmOutcome.Counted);

    org.petition.log.Frontier frontier = store.logFrontier(petition);
    List<byte[]> entries = store.logEntries(petition, 0, 100);
    assertThat(frontier.size()).isEqualTo(7).isEqualTo(entries.size());
    // The entries in number order, each with its seq, and the tree over them is the frontier's.
    org.petition.log.Frontier rebuilt = org.petition.log.Frontier.empty();
    for (int seq = 0; seq < entries.size(); seq++) {
      org.petition.log.LogEntry entry = org.petition.log.LogEntry.parse(entries.get(seq));
      assertThat(entry.seq()).isEqualTo(seq);
      assertThat(entry.number()).isEqualTo(seq + 1);
      rebuilt = rebuilt.append(org.petition.log.MerkleTree.leafHash(entries.get(seq)));
    }
    assertThat(rebuilt).isEqualTo(frontier);
    // Seven leaves complete three subtrees of two leaves and one of four, none a full tile's: no node rows.
    assertThat(logNodeRows(petition)).isEmpty();
    // Proofs still reach every leaf: the nodes below level 8 are hashed from the entries.
    org.petition.log.NodeSource nodes = (level, index) -> store.logNode(petition, level, index);
    for (int index = 0; index < entries.size(); index++) {
      List<byte[]> proof = org.petition.log.MerkleTree.inclusionProof(index, frontier.size(), nodes);
      assertThat(org.petition.log.MerkleTree.verifyInclusion(index, frontier.size(),
          org.petition.log.MerkleTree.leafHash(entries.get(index)), proof, frontier.root()))
          .as("inclusion of %d", index).isTrue();
    }
    assertThat(store.logNode(petition, 0, 3)).isEqualTo(org.petition.log.MerkleTree.leafHash(entries.get(3)));
    assertThatThrownBy(() -> store.logNode(petition, 0, 7)).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void theLogKeepsOnlyItsTilesNodesAndComputesEveryOtherNodeAsAStoreKeepingThemAllWould() throws Exception {
    JdbcSignatureStore jdbc = (JdbcSignatureStore) store;
    String petition = newPetition();
    long first = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, uniqueEmail("t0")).build(),
        false)).id();
    store.confirm(first, T0);
    int total = 2 * 256 + 45; // two full tiles (level 8), one level-9 node over them, and a partial tile
    for (int done = 1; done < total; ) {
      List<Confirmations.Confirmation> batch = new ArrayList<>();
      for (int i = 0; i < 64 && done < total; i++, done++) {
        long id = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, uniqueEmail("t" + done)).build(),
            false)).id();
        batch.add(new Confirmations.Confirmation(id, T0.plusSeconds(done)));
      }
      assertThat(jdbc.confirmAll(batch)).allMatch(outcome -> outcome instanceof ConfirmOutcome.Counted);
    }
    org.petition.log.Frontier frontier = store.logFrontier(petition);
    List<byte[]> entries = store.logEntries(petition, 0, total);
    assertThat(frontier.size()).isEqualTo(total).isEqualTo(entries.size());
    // The reference: a store that keeps every node.
    org.petition.log.InMemoryNodes all = new org.petition.log.InMemoryNodes();
    for (byte[] entry : entries) {
      all.append(org.petition.log.MerkleTree.leafHash(entry));
    }
    assertThat(all.frontier()).isEqualTo(frontier);
    assertThat(logNodeRows(petition)).containsExactly("8/0", "8/1");
    for (int level = 0; level <= 9; level++) {
      for (long index = 0; (index + 1) << level <= total; index++) {
        assertThat(store.logNode(petition, level, index)).as("node %d/%d", level, index)
            .isEqualTo(all.node(level, index));
      }
      long incomplete = (long) total >>> level;
      int at = level;
      assertThatThrownBy(() -> store.logNode(petition, at, incomplete)).as("incomplete %d/%d", level, incomplete)
          .isInstanceOf(java.util.NoSuchElementException.class);
    }
    org.petition.log.NodeSource nodes = (level, index) -> store.logNode(petition, level, index);
    for (long size : new long[] {1, 255, 256, 257, 511, 512, 513, total}) {
      for (long index : new long[] {0, size / 3, size - 1}) {
        assertThat(org.petition.log.MerkleTree.inclusionProof(index, size, nodes)).as("inclusion %d in %d", index, size)
            .containsExactlyElementsOf(org.petition.log.MerkleTree.inclusionProof(index, size, all));
      }
      for (long from : new long[] {1, 200, 256, 300, 512}) {
        if (from <= size) {
          assertThat(org.petition.log.MerkleTree.consistencyProof(from, size, nodes))
              .as("consistency %d to %d", from, size)
              .containsExactlyElementsOf(org.petition.log.MerkleTree.consistencyProof(from, size, all));
        }
      }
    }
  }

  private List<String> logNodeRows(String petition) throws SQLException {
    List<String> kept = new ArrayList<>();
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
        "SELECT level, idx FROM log_node WHERE petition = ? ORDER BY level, idx")) {
      statement.setString(1, petition);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          kept.add(row.getInt(1) + "/" + row.getLong(2));
        }
      }
    }
    return kept;
  }

  @Test
  void aBatchOfConfirmationsSettlesEachOnceAndLeavesWhatItCannotToItsOwnTransaction() throws Exception {
    JdbcSignatureStore jdbc = (JdbcSignatureStore) store;
    String petition = newPetition();
    long earlier = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, "c1@example.org").build(),
        false)).id();
    long earlierNumber = ((ConfirmOutcome.Counted) store.confirm(earlier, T0)).number();
    long[] pending = new long[3];
    for (int i = 0; i < pending.length; i++) {
      pending[i] = ((InsertOutcome.Inserted) store.insert(
          TestSignatures.on(petition, uniqueEmail("p" + i)).build(), false)).id();
    }
    long held = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, uniqueEmail("h")).held(true)
        .build(), false)).id();
    long revoked = ((InsertOutcome.Inserted) store.insert(TestSignatures.on(petition, "r@example.org").build(),
        false)).id();
    store.revoke(revoked, T0);
    // Korea's counter rows do not exist yet: this one is left to the path that creates them.
    NewSignature korean = TestSignatures.on(petition, uniqueEmail("k")).country("KR").build();
    long newCountry = ((InsertOutcome.Inserted) store.insert(korean, false)).id();

    Instant at = T0.plusSeconds(60);
    List<Confirmations.Confirmation> batch = List.of(
        new Confirmations.Confirmation(pending[0], at),
        new Confirmations.Confirmation(pending[1], at),
        new Confirmations.Confirmation(pending[0], at), // the same link followed twice at once
        new Confirmations.Confirmation(held, at),
        new Confirmations.Confirmation(earlier, at),
        new Confirmations.Confirmation(revoked, at),
        new Confirmations.Confirmation(Long.MAX_VALUE - 7, at),
        new Confirmations.Confirmation(newCountry, at),
        new Confirmations.Confirmation(pending[2], at));
    List<@Nullable ConfirmOutcome> outcomes = jdbc.confirmAll(batch);

    assertThat(outcomes).hasSize(9);
    List<Long> numbers = new ArrayList<>();
    for (int i : new int[] {0, 1, 8}) {
      ConfirmOutcome.Counted counted = (ConfirmOutcome.Counted) outcomes.get(i);
      assertThat(counted.country()).isEqualTo("US");
      numbers.add(counted.number());
    }
    assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n > earlierNumber);
    assertThat(outcomes.get(2)).isNull();
    assertThat(outcomes.get(3)).isEqualTo(new ConfirmOutcome.Held());
    assertThat(outcomes.get(4)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(earlierNumber));
    assertThat(outcomes.get(5)).isEqualTo(new ConfirmOutcome.Gone());
    assertThat(outcomes.get(6)).isEqualTo(new ConfirmOutcome.NotFound());
    assertThat(outcomes.get(7)).isNull();
    assertThat(store.find(pending[1]).orElseThrow().confirmedAt()).isEqualTo(at);
    assertThat(store.find(held).orElseThrow().number()).isZero();
    assertThat(store.find(newCountry).orElseThrow().state()).isEqualTo(SignatureState.PENDING);
    assertThat(store.counts(petition)).isEqualTo(new Counts(4, java.util.Map.of("US", 4L)));
    // Every confirmed signature's consents are in the ledger, the held one's too, linked in their chains.
    for (long id : new long[] {pending[0], pending[1], pending[2], held}) {
      String subject = ConsentSubjects.of(store.find(id).orElseThrow().data().emailKey());
      assertThat(store.consentLedger().recordsOf(subject)).hasSize(2).allMatch(r -> r.at().equals(at));
    }
    assertThat(store.consentLedger().verify().ok()).isTrue();

    // Run alone, the leftovers: the repeated link finds the batch's confirmation, Korea gets its counters.
    assertThat(store.confirm(pending[0], at)).isEqualTo(new ConfirmOutcome.AlreadyConfirmed(numbers.get(0)));
    assertThat(store.confirm(newCountry, at)).isInstanceOf(ConfirmOutcome.Counted.class);
    assertThat(store.counts(petition)).isEqualTo(new Counts(5, java.util.Map.of("US", 4L, "KR", 1L)));
    assertThat(store.consentLedger().recordsOf(ConsentSubjects.of(korean.emailKey()))).hasSize(2);
  }

  @Test
  void aBatchOfNearDuplicateQuestionsAnswersEachAsTheOneAtATimeQueryDoes() {
    JdbcSignatureStore jdbc = (JdbcSignatureStore) store;
    String petition = newPetition();
    NewSignature existing = TestSignatures.on(petition, uniqueEmail("near")).build();
    store.insert(existing, false);
    byte[] other = TestSignatures.nameKey("Someone Else");
    List<NearDuplicates.Check> checks = List.of(
        new NearDuplicates.Check(petition, existing.nameKey(), "SPRINGFIELD", null),
        new NearDuplicates.Check(petition, existing.nameKey(), "Shelbyville", null),
        new NearDuplicates.Check(petition, other, "Springfield", null),
        new NearDuplicates.Check(petition, existing.nameKey(), null, existing.networkKey()),
        new NearDuplicates.Check(newPetition(), existing.nameKey(), "Springfield", null));

    List<@Nullable Boolean> batched = jdbc.nearDuplicates(checks);

    assertThat(batched).containsExactly(true, false, false, true, false);
    for (int i = 0; i < checks.size(); i++) {
      NearDuplicates.Check check = checks.get(i);
      assertThat(store.hasNearDuplicate(check.petition(), check.nameKey(), check.city(), check.networkKey()))
          .as("check %d alone", i).isEqualTo(batched.get(i));
    }
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  /** Puts a deleted record back exactly as the ledger wrote it. */
  private void insert(ConsentRecord record) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO consent_record (chain, sequence,"
            + " subject, petition, purpose, document_id, document_version, document_sha256, action, at, at_nanos,"
            + " form_id, truncated_ip, user_agent_sha256, locale, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 0;
      statement.setInt(++i, (int) record.chain());
      statement.setLong(++i, record.sequence());
      statement.setString(++i, record.subject());
      statement.setString(++i, record.petition());
      statement.setString(++i, record.purpose().name());
      statement.setString(++i, record.documentId());
      statement.setString(++i, record.documentVersion());
      statement.setString(++i, record.documentSha256());
      statement.setString(++i, record.action().name());
      statement.setObject(++i, java.time.OffsetDateTime.ofInstant(
          record.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS), java.time.ZoneOffset.UTC));
      statement.setInt(++i, record.at().getNano());
      statement.setString(++i, record.evidence().formId());
      statement.setString(++i, record.evidence().truncatedIp());
      statement.setString(++i, record.evidence().userAgentSha256());
      statement.setString(++i, record.evidence().locale());
      statement.setString(++i, record.previousHash());
      statement.setString(++i, record.hash());
      statement.executeUpdate();
    }
  }
}
