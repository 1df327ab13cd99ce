package org.petition.store.jdbc;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database and one pool of it for a test class that extends a store contract (and so
 * cannot extend {@link PostgresTestSupport}): register it as a static field with {@code @RegisterExtension}.
 */
final class PostgresClassDatabase implements BeforeAllCallback, AfterAllCallback {

  private final int poolSize;
  private PostgresServer.TestDatabase database;
  private TinyPool pool;

  PostgresClassDatabase(int poolSize) {
    this.poolSize = poolSize;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (PostgresServer.find().isPresent()) {
      database = PostgresServer.find().get().createDatabase();
      pool = database.pool(poolSize);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (pool != null) {
      pool.close();
      pool = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** The class's pool; skips the calling test (counted as skipped) when there is no PostgreSQL. */
  TinyPool pool() {
    PostgresServer.require();
    return pool;
  }
}
