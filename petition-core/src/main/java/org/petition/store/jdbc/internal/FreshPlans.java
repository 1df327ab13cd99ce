package org.petition.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
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

  private final boolean plansKept;
  private final long below;
  // The highest signature id this store has seen: the signature table cannot be smaller than the rows these
  // ids once named, less purged ones.
  private final AtomicLong highestId = new AtomicLong();

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
