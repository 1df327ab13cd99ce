package org.petition.spring;

/**
 * The JDBC signature store, used when the application has a DataSource.
 *
 * <p>Bound under {@code petition.store} ({@link PetitionProperties#getStore()}).
 */
public class PetitionStoreProperties {

  /** Whether the store's schema is migrated with Flyway at start-up; off when a deployment step does it. */
  private boolean migrate = true;

  /**
   * The database schema the store's tables, sequences, Flyway history and mail outbox are in, created when
   * missing: an unquoted SQL identifier in lower case (1 to 63 of a-z, 0-9 and _, not starting with a digit
   * or pg_). A database migrated before this setting existed keeps its tables where its Flyway history is.
   */
  private String schema = "petition";

  /** How many counter rows per petition and country confirmations spread over (1 to 1024). */
  private int counterShards = 16;

  /**
   * The most signings, confirmations or near-duplicate reads arriving together that are written in one
   * transaction (1 to 256; 1 writes each alone). Callers still return only once their own is committed.
   */
  private int batchSize = 64;

  /** How many batches of each kind are written at the same time, each on its own connection. */
  private int concurrentBatches = 1;

  /**
   * Whether rate limits, surge counts and the login throttle are kept in the store's database, so every
   * instance on it enforces one set of limits (on by default with a JDBC store; off: each instance in its
   * own memory).
   */
  private boolean sharedLimits = true;

  /** The most limit states kept in the database (at least 1000); beyond it the soonest to expire go. */
  private long limitStates = 1_000_000;

  public boolean isSharedLimits() {
    return sharedLimits;
  }

  public void setSharedLimits(boolean sharedLimits) {
    this.sharedLimits = sharedLimits;
  }

  public long getLimitStates() {
    return limitStates;
  }

  public void setLimitStates(long limitStates) {
    this.limitStates = limitStates;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public int getConcurrentBatches() {
    return concurrentBatches;
  }

  public void setConcurrentBatches(int concurrentBatches) {
    this.concurrentBatches = concurrentBatches;
  }

  public boolean isMigrate() {
    return migrate;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }

  public int getCounterShards() {
    return counterShards;
  }

  public void setCounterShards(int counterShards) {
    this.counterShards = counterShards;
  }
}
