package org.petition.store.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.petition.photo.PhotoSignaturesContract;

/** Photo signatures on H2 in memory (the embedded default): table signature_photo, bytea. */
class H2PhotoSignaturesTest extends PhotoSignaturesContract {

  private JdbcConnectionPool pool;

  @Override
  protected Stores newStores() {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:photos-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    return new Stores(JdbcSignatureStore.builder(pool).build(), JdbcPhotoStore.create(pool, false, "petition"));
  }

  @AfterEach
  void close() {
    pool.dispose();
  }
}
