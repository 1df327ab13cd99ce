package org.petition.spring;

import static org.petition.spring.PropertyChecks.apply;

import org.petition.store.jdbc.JdbcLimitStore;
import org.petition.store.jdbc.JdbcSignatureStore;

/**
 * {@code petition.store.*} onto the JDBC store's builder and the shared limit store: the schema, counter shards,
 * batching and the cap on limit states, each named in errors.
 */
public final class PetitionStoreMapper {

  private static final String SCHEMA_ACTION = "Set petition.store.schema to a lower-case unquoted SQL identifier,"
      + " such as petition (the default) or petition_store.";

  private PetitionStoreMapper() {}

  /** Applies {@code petition.store.*} to the JDBC store's builder. */
  public static JdbcSignatureStore.Builder jdbcStore(JdbcSignatureStore.Builder builder,
      PetitionProperties properties) {
    PetitionStoreProperties store = properties.getStore();
    apply("petition.store.schema", SCHEMA_ACTION, () -> builder.schema(storeSchema(properties)));
    apply("petition.store.counter-shards", "Use a number of counter shards between 1 and 1024.",
        () -> builder.counterShards(store.getCounterShards()));
    apply("petition.store.batch-size", "Use a batch size between 1 (no batching) and 256.",
        () -> builder.batchSize(store.getBatchSize()));
    apply("petition.store.concurrent-batches", "Use at least 1 concurrent batch.",
        () -> builder.concurrentBatches(store.getConcurrentBatches()));
    builder.transparencyLog(properties.getLog().isEnabled());
    return builder.migrate(store.isMigrate());
  }

  /**
   * The shared limit store over {@code store}: its keys hashed with a secret derived from the identity secret
   * (HMAC-SHA256 of a fixed label), so instances sharing the identity secret share the limits' keys, and
   * the cap {@code petition.store.limit-states}.
   */
  public static JdbcLimitStore limitStore(JdbcSignatureStore store, PetitionProperties properties) {
    byte[] secret;
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(PetitionKeysMapper.identitySecret(properties), "HmacSHA256"));
      secret = mac.doFinal("petition limit state keys".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
    JdbcLimitStore.Builder builder = JdbcLimitStore.builder(store).secret(secret);
    apply("petition.store.limit-states", "Use at least 1000 limit states.",
        () -> builder.maximumStates(properties.getStore().getLimitStates()));
    return builder.build();
  }

  /**
   * The store's database schema, {@code petition.store.schema}, checked: an unquoted lower-case SQL
   * identifier.
   *
   * @throws PetitionConfigurationException naming the property when it is not one
   */
  public static String storeSchema(PetitionProperties properties) {
    String schema = properties.getStore().getSchema();
    return apply("petition.store.schema", SCHEMA_ACTION,
        () -> JdbcSignatureStore.checkSchema(schema == null ? "" : schema.strip()));
  }
}
