package org.petition.store.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Shared definitions on H2: the version polled. */
class H2SharedDefinitionsTest extends SharedDefinitionsContract {

  private static JdbcConnectionPool pool;

  @BeforeAll
  static void createDatabase() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:definitions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @AfterAll
  static void dropDatabase() {
    pool.dispose();
  }

  @Override
  DataSource dataSource() {
    return pool;
  }
}
