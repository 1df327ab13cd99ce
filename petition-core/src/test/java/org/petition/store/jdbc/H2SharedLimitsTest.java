package org.petition.store.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Shared limits on H2 in memory. */
class H2SharedLimitsTest extends SharedLimitsContract {

  private static JdbcConnectionPool pool;

  @BeforeAll
  static void createDatabase() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(16);
  }

  @AfterAll
  static void dropDatabase() {
    pool.dispose();
  }

  @Override
  DataSource dataSource() {
    return pool;
  }

  @Override
  String qualified(String table) {
    return "PETITION." + table.toUpperCase(java.util.Locale.ROOT);
  }
}
