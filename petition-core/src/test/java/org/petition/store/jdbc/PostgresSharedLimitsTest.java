package org.petition.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petition.check.RateLimitCheck;
import org.petition.store.PetitionStoreException;

/** Shared limits on PostgreSQL, and what a database that goes away does to them. */
class PostgresSharedLimitsTest extends SharedLimitsContract {

  private static PostgresServer.TestDatabase database;
  private static TinyPool pool;

  @BeforeAll
  static void createDatabase() throws Exception {
    if (PostgresServer.find().isPresent()) {
      database = PostgresServer.find().get().createDatabase();
    }
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (pool != null) {
      pool.close();
      pool = null;
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  DataSource dataSource() {
    PostgresServer.require(); // skips each test (counted as skipped) when there is no PostgreSQL
    if (pool == null) {
      pool = database.pool(12);
    }
    return pool;
  }

  @Test
  void theLimitTableIsUnloggedSoItsCommitsWaitForNoLogFlush() throws Exception {
    store();
    try (java.sql.Connection connection = dataSource().getConnection();
        java.sql.ResultSet row = connection.createStatement().executeQuery("SELECT c.relpersistence FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'limit_state' AND n.nspname = 'petition'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("u");
    }
  }

  @Test
  void aDatabaseThatCannotBeReachedIsAStoreFailureNeverAnAdmission() {
    JdbcSignatureStore store = store();
    JdbcLimitStore limits = limits(store);
    RateLimitCheck check = RateLimitCheck.builder().clock(clock).sharedIn(limits).build();
    pool.close();
    try {
      assertThatThrownBy(() -> check.check(input(petition("outage"), "203.0.113.7", "a@example.org")))
          .isInstanceOf(PetitionStoreException.class)
          .hasMessageContaining("limit states")
          .hasMessageNotContaining("203.0.113");
    } finally {
      pool = null;
    }
  }
}
