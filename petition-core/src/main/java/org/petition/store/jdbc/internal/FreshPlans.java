package org.petition.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.petition.store.PetitionStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statements planned afresh on each run, on PostgreSQL, while the tables may still be small.
 *
 * <p>The driver prepares a statement on the server once it has run a few times, and the server then keeps
 * one plan for it (a generic plan, after five runs) costed for the tables as they were at that moment. One
 * made while the signature table held a few hundred rows reads by scanning the table whole, which is right
 * for a few pages and ruinous for a million: and it is kept until the table's statistics are next gathered,
 * a minute or more later under autovacuum's defaults. A petition launched on a fresh database and shared
 * at once is exactly that case (petition-benchmarks/results/jdbc-experiment-kept-plans-from-empty*.txt: the
 * batched near-duplicate read at 12.6 ms a call, 639 signatures a second). So while a store has not seen its
 * tables grow past a size at which no scan can be the cheaper plan, its hot statements start with {@link
 * #PREFIX}: planned with the values at hand, every time, at a planning cost of its own (in development runs
 * about a sixth of the confirmations' throughput).
 */
public final class FreshPlans {

  /**
   * Holds until the transaction ends: the explicit one, or outside one the statements sent together. Not
   * {@code SET LOCAL}, which outside a transaction block works the same but has the server log a warning.
   */
  public static final String PREFIX = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true); ";

  /**
   * Below this highest signature id, the signature table may be small enough that a plan kept for later
   * would scan it. A scan is the cheaper plan for a batch's lookups only up to a few hundred rows; past this
   * id the table holds thousands even if nine signings in ten were purged unconfirmed.
   */
  public static final long DEFAULT_BELOW = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(FreshPlans.class);

  // The signature table is analysed when the highest id passes 1,000, then each time it has grown fourfold,
  // up to LAST_ANALYSIS; autovacuum's own analyses (10 % of the rows changed, looked for every minute) take
  // over from there. See seen.
  private static final long FIRST_ANALYSIS = 1_000;
  private static final long LAST_ANALYSIS = 4_096_000;

  private final boolean plansKept;
  private final long below;
  // The highest signature id this store has seen: the signature table cannot be smaller than the rows these
  // ids once named, less purged ones.
  private final AtomicLong highestId = new AtomicLong();
  private final AtomicLong nextAnalysis = new AtomicLong(FIRST_ANALYSIS);
  private volatile @Nullable Transactions analyser;

  /** Whether a store's statements need planning afresh, on this database, while ids stay below {@code below}. */
  public FreshPlans(Dialect dialect, long below) {
    this.plansKept = dialect.keepsGenericPlans();
    this.below = below;
  }

  /** Whether hot statements are planned afresh now. */
  boolean now() {
    return plansKept && highestId.get() < below;
  }

  /** Notes a signature id seen: the table has grown at least this far. */
  void seen(long id) {
    if (id > highestId.get()) {
      highestId.accumulateAndGet(id, Math::max);
    }
    long next = nextAnalysis.get();
    if (plansKept && id >= next && next <= LAST_ANALYSIS && nextAnalysis.compareAndSet(next, analysisAfter(id))) {
      analyseSoon();
    }
  }

  // The first threshold above id; past LAST_ANALYSIS, none (and no overflow, whatever the id).
  static long analysisAfter(long id) {
    long next = FIRST_ANALYSIS;
    while (next <= id && next <= LAST_ANALYSIS) {
      next *= 4;
    }
    return next > LAST_ANALYSIS ? Long.MAX_VALUE : next;
  }

  // Plans are only as good as the statistics they are costed with, and a young table's are wrong for the
  // first minute (autovacuum looks once a minute): while they said the petition held a few rows, the
  // planner read every row of the petition through an index on the petition alone for each batch of
  // near-duplicate questions, instead of one descent of signature_name_ix per name (development runs with
  // auto_explain, 2026-12-07: 3 to 15 ms a batch, growing with the table). An ANALYZE samples at most 30,000
  // rows (tens of milliseconds), in a thread of its own so no request waits for it. Without the privilege
  // (not the table's owner) the server only warns, and autovacuum's analyses remain.
  private void analyseSoon() {
    Transactions transactions = analyser;
    if (transactions == null) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        // co_signer grows with the confirmations: its generic plan, made while it was empty, scanned it whole for
        // each confirming batch's read of the signers' other petitions (0.67 ms a call over 58,000 links in the
        // quiet run of 2026-12-07, growing with the table), where its primary key answers in a few pages.
        transactions.run("analyse the signature tables",
            connection -> Statements.update(connection, "ANALYZE signature, co_signer"));
      } catch (RuntimeException e) {
        LOG.debug("could not analyse the signature tables: {}", e.getMessage());
      }
    }, "petition-analyse");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts from the ids drawn before this store was built (by it or any other): a table may be big already. */
  public void seeIdsDrawnSoFar(Transactions transactions) {
    if (!plansKept) {
      return;
    }
    try {
      seen(transactions.read("read the signature id sequence", connection -> {
        try (PreparedStatement statement = connection.prepareStatement("SELECT last_value FROM signature_id_seq");
            ResultSet row = statement.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }));
    } catch (PetitionStoreException e) {
      // Not migrated yet (built with migrate(false)): statements are planned afresh until ids show a big table.
      LOG.debug("signature id sequence not readable yet: {}", e.getMessage());
    }
    // A table that is big already was analysed by autovacuum: the next analysis when it has grown fourfold.
    nextAnalysis.set(analysisAfter(highestId.get()));
    analyser = transactions;
  }

  /** The statement, with the prefix when {@code fresh}. */
  public static String sql(String sql, boolean fresh) {
    return fresh ? PREFIX + sql : sql;
  }

  /** Runs a query made by {@link #sql} and answers its rows (past the setting's when {@code fresh}). */
  public static ResultSet executeQuery(PreparedStatement statement, boolean fresh) throws SQLException {
    if (!fresh) {
      return statement.executeQuery();
    }
    statement.execute();
    if (!statement.getMoreResults()) {
      throw new SQLException("a query answered no rows after its setting", "55000");
    }
    return statement.getResultSet();
  }
}
