package org.petition.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.petition.photo.PhotoSignaturesContract;

/**
 * Photo signatures on a real PostgreSQL (bytea, the foreign key that takes a purged signature's photo along),
 * each test in a schema of its own in a fresh database for this class.
 */
class PostgresPhotoSignaturesTest extends PhotoSignaturesContract {

  private static PostgresServer.TestDatabase database;
  private static TinyPool pool;
  private static final List<String> SCHEMAS = new ArrayList<>();

  @BeforeAll
  static void createDatabase() throws Exception {
    if (PostgresServer.find().isPresent()) {
      database = PostgresServer.find().get().createDatabase();
      pool = database.pool(8);
    }
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (pool != null) {
      pool.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected Stores newStores() {
    PostgresServer.require(); // skips each test (counted as skipped) when there is no PostgreSQL
    String schema = "photos_" + SCHEMAS.size();
    SCHEMAS.add(schema);
    return new Stores(JdbcSignatureStore.builder(pool).schema(schema).build(),
        JdbcPhotoStore.create(pool, false, schema));
  }
}
