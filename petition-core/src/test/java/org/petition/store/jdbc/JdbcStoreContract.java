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
import org.junit.jupiter.api.Test;
import org.petition.ConsentPurpose;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;
import org.petition.store.ConfirmOutcome;
import org.petition.store.Counts;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.PetitionStoreException;
import org.petition.store.SignatureState;
import org.petition.store.SignatureStoreContract;
import org.petition.store.Subjects;
import org.petition.store.TestSignatures;

/**
 * The store contract plus what only a database store can be asked: that the consent ledger notices rows
 * changed or deleted behind its back, that a confirmation is one transaction with its ledger records, and
 * that a ledger built alone over the same data source shares the store's records. Tests that tamper with
 * rows repair them before they end, since the database is shared by every test of the class.
 */
abstract class JdbcStoreContract extends SignatureStoreContract {

  /** The data source the store of {@link #newStore()} uses. */
  protected abstract DataSource dataSource();

  private static final ConsentChain CHAINS = ConsentChain.ofDefaults();

  private static String newSubject() {
    return Subjects.of(TestSignatures.key("email:" + uniqueEmail("ledger")));
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
    String subject = Subjects.of(signature.emailKey());
    int chain = CHAINS.chainOf(subject);
    long headSequence;
    String headHash;
    try (Connection connection = dataSource().getConnection();
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
    String subject = Subjects.of(signature.emailKey());

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

  private void update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  /** Puts a deleted record back exactly as the ledger wrote it. */
  private void insert(ConsentRecord record) throws SQLException {
    try (Connection connection = dataSource().getConnection();
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
