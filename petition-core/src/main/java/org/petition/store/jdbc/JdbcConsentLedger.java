package org.petition.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentLedger;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.VerificationReport;
import org.petition.privacy.WithdrawResult;
import org.petition.store.jdbc.internal.ChainHead;
import org.petition.store.jdbc.internal.ConsentAppends;
import org.petition.store.jdbc.internal.ConsentRecordReads;
import org.petition.store.jdbc.internal.Dialect;
import org.petition.store.jdbc.internal.Schema;
import org.petition.store.jdbc.internal.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConsentLedger} in PostgreSQL 15+ (or H2 2.x) over a {@link DataSource}: records in {@code
 * consent_record}, each chain's head in its own row of {@code consent_chain_head}. Safe for several
 * application instances sharing one database.
 *
 * <p>An append locks only its chain's head row ({@code SELECT ... FOR UPDATE}), links the record after the
 * head, inserts it and moves the head, in one transaction: each chain stays dense and linked, and appends
 * for subjects of different chains never wait for each other. {@link #withdraw} reads the subject's
 * records under that same lock, so a withdrawal cannot race a grant of the same chain. {@link
 * JdbcSignatureStore} appends a signature's grants this way inside its confirming transaction.
 *
 * <p>{@link #verify()} walks each chain in sequence order in one snapshot (REPEATABLE READ, no locks), a
 * thousand records at a time, and checks it against the head kept apart: a changed, removed, reordered or
 * truncated record shows. Record instants are kept exactly (the timestamp column to the microsecond, the
 * nanoseconds beside it), since they are hashed. Thread-safe and immutable; build one with {@link
 * #builder(DataSource)}, or take the one of a {@link JdbcSignatureStore}.
 */
public final class JdbcConsentLedger implements ConsentLedger {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcConsentLedger.class);

  private final Transactions transactions;
  private final ConsentAppends appends;
  private final ConsentChain chains;

  JdbcConsentLedger(Transactions transactions, ConsentAppends appends) {
    this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
    this.appends = Objects.requireNonNull(appends, "appends must not be null");
    this.chains = appends.chains();
  }

  /** A builder of a ledger over this data source (ideally a connection pool). */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The chains records are sharded into. */
  public ConsentChain chains() {
    return chains;
  }

  @Override
  public ConsentRecord append(ConsentRecord.Draft draft) {
    ConsentAppends.requireGrant(draft);
    appends.ensureHeads();
    return transactions.write("append consent", connection -> appends.appendAll(connection, List.of(draft)).get(0));
  }

  @Override
  public WithdrawResult withdraw(
      String subject, String petition, ConsentPurpose purpose, Instant at, ConsentRecord.Evidence evidence) {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(evidence, "evidence must not be null");
    int chain = chains.chainOf(subject);
    appends.ensureHeads();
    return transactions.write("withdraw consent", connection -> {
      // Under the head's lock no other append of this chain runs: what is read is what is in force.
      ChainHead head = ConsentAppends.lockHead(connection, chain);
      Optional<ConsentRecord.Draft> withdrawal = ConsentLedger.withdrawalOf(
          ConsentRecordReads.recordsOf(connection, subject), petition, purpose, at, evidence);
      if (withdrawal.isEmpty()) {
        return new WithdrawResult.NotGranted();
      }
      return new WithdrawResult.Withdrawn(appends.add(connection, head, withdrawal.get()));
    });
  }

  @Override
  public List<ConsentRecord> recordsOf(String subject) {
    Objects.requireNonNull(subject, "subject must not be null");
    chains.chainOf(subject); // refuses what is not a subject, as the in-memory ledger does
    return transactions.read("read consent records", connection -> ConsentRecordReads.recordsOf(connection, subject));
  }

  @Override
  public VerificationReport verify() {
    long total = 0;
    for (int chain = 0; chain < chains.chainCount(); chain++) {
      int current = chain;
      VerificationReport report = transactions.snapshot("verify consent chain",
          connection -> ConsentRecordReads.verify(connection, chains, current));
      if (report instanceof VerificationReport.Ok ok) {
        total += ok.recordsChecked();
      } else {
        LOG.warn("consent chain {} is broken at {}: {}", chain, ((VerificationReport.Broken) report).sequence(),
            ((VerificationReport.Broken) report).problem());
        return report;
      }
    }
    return new VerificationReport.Ok(total);
  }

  @Override
  public String toString() {
    return "JdbcConsentLedger[chains=" + chains.chainCount() + "]";
  }

  /** A builder of {@link JdbcConsentLedger}. */
  public static final class Builder {
    private final DataSource dataSource;
    private ConsentChain chains = ConsentChain.ofDefaults();
    private boolean migrate = true;
    private String schema = Schema.DEFAULT;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /** The chains records are sharded into (default 16); fixed for the life of a database. */
    public Builder chains(ConsentChain chains) {
      this.chains = Objects.requireNonNull(chains, "chains must not be null");
      return this;
    }

    /** The database schema of the store's tables (default {@code petition}); see {@link JdbcSignatureStore.Builder#schema}. */
    public Builder schema(String schema) {
      this.schema = Schema.checkName(schema);
      return this;
    }

    /** Whether {@link #build()} migrates the schema with Flyway (default true). */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Checks that the database answers, migrates it when asked, creates missing chain heads and returns the
     * ledger.
     *
     * @throws IllegalStateException when the database cannot be reached, is not PostgreSQL or H2, cannot
     *     be migrated, or its ledger has another number of chains
     */
    public JdbcConsentLedger build() {
      String product = Schema.checkReachable(dataSource);
      String located = Schema.locate(dataSource, schema);
      if (migrate) {
        Schema.migrate(dataSource, located);
      }
      Transactions transactions = new Transactions(dataSource, located, product.startsWith("PostgreSQL"));
      ConsentAppends appends = new ConsentAppends(transactions, chains, Dialect.of(product));
      if (migrate) {
        appends.ensureHeads(); // otherwise on first use, as the schema may not be there yet
      }
      return new JdbcConsentLedger(transactions, appends);
    }
  }
}
