package org.petition.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.ArrayList;
import java.util.List;
import org.petition.photo.PhotoSignaturesContract;

/**
 * Photo signatures on a real PostgreSQL (bytea, the foreign key that takes a purged signature's photo along),
 * each test in a schema of its own in a fresh database for this class.
 */
class PostgresPhotoSignaturesTest extends PhotoSignaturesContract {

  @RegisterExtension
  static final PostgresClassDatabase POSTGRES = new PostgresClassDatabase(8);
  private static final List<String> SCHEMAS = new ArrayList<>();

  @Override
  protected Stores newStores() {
    String schema = "photos_" + SCHEMAS.size();
    SCHEMAS.add(schema);
    return new Stores(JdbcSignatureStore.builder(POSTGRES.pool()).schema(schema).build(),
        JdbcPhotoStore.create(POSTGRES.pool(), false, schema));
  }
}
