package org.petition.store.jdbc;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petition.Petition;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.MerkleTree;
import org.petition.store.Counts;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;

/**
 * A separate JVM signs and confirms against PostgreSQL and is killed with SIGKILL at a random point; a new
 * store on the same database then finds every acknowledged confirmation (and revocation) there, counts
 * that agree with the rows, and a transparency log that adds up to the count: transactions were applied whole
 * or not at all.
 */
class PostgresCrashTest extends PostgresTestSupport {

  @TempDir
  Path folder;

  @Test
  void killedWriterLeavesOnlyWholeTransactions() throws Exception {
    JdbcSignatureStore setup = JdbcSignatureStore.builder(pool(2)).build();
    setup.savePetition(Petition.builder("crash").title("Crash").goal("US", 10).build());
    Path acks = folder.resolve("acks.txt");
    for (int round = 1; round <= 2; round++) {
      Process signer = startSigner(acks, folder.resolve("signer-" + round + ".log"));
      waitForAcknowledgements(acks, signer, lines(acks).size() + 1);
      Thread.sleep(2000);
      signer.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean disconnect
      assertThat(signer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      waitUntilServerDroppedTheSigner();
      PostgresServer.log("crash round " + round + ": " + lines(acks).size() + " acknowledgements before SIGKILL");
    }

    JdbcSignatureStore restarted = JdbcSignatureStore.builder(pool(2)).build();
    Set<Long> confirmed = new HashSet<>();
    Set<Long> revoked = new HashSet<>();
    Set<Long> revoking = new HashSet<>(); // asked for: done or not, unacknowledged
    for (String line : lines(acks)) {
      long id = Long.parseLong(line.substring(1));
      (line.charAt(0) == '+' ? confirmed : line.charAt(0) == '-' ? revoked : revoking).add(id);
    }
    assertThat(confirmed.size()).as("acknowledged confirmations").isGreaterThanOrEqualTo(10);
    for (long id : confirmed) {
      StoredSignature signature = restarted.find(id).orElseThrow();
      if (revoked.contains(id)) {
        assertThat(signature.state()).as("signature %d", id).isEqualTo(SignatureState.REVOKED);
      } else if (revoking.contains(id)) {
        assertThat(signature.state()).as("signature %d", id)
            .isIn(SignatureState.CONFIRMED, SignatureState.REVOKED);
      } else {
        assertThat(signature.state()).as("signature %d", id).isEqualTo(SignatureState.CONFIRMED);
      }
      if (signature.state() == SignatureState.CONFIRMED) {
        assertThat(signature.number()).isPositive();
      }
    }
    long countedRows = queryLong("SELECT COUNT(*) FROM signature WHERE petition = 'crash' AND state = 'CONFIRMED'"
        + " AND NOT held");
    Counts counts = restarted.counts("crash");
    assertThat(counts.total()).isEqualTo(countedRows);
    assertThat(counts.byCountry()).isEqualTo(countedByCountry());
    assertThat(queryLong("SELECT COUNT(*) FROM signature WHERE petition = 'crash' AND ((state = 'CONFIRMED'"
        + " AND NOT held AND number = 0) OR (state = 'PENDING' AND number <> 0))")).isZero();
    assertTheLogAndTheCountAreNeverApart(restarted, counts.total());
  }

  /**
   * The transparency log after the kills: its entries recount to the count, each signature's entries
   * alternate from COUNTED, the stored frontier is the tree of the entries and the kept nodes prove it.
   */
  private static void assertTheLogAndTheCountAreNeverApart(JdbcSignatureStore store, long count) {
    Frontier frontier = store.logFrontier("crash");
    List<byte[]> entries = store.logEntries("crash", 0, Long.MAX_VALUE);
    assertThat(entries).hasSize((int) frontier.size());
    assertThat(frontier.size()).as("log entries").isGreaterThanOrEqualTo(count);
    Frontier rebuilt = Frontier.empty();
    long running = 0;
    Map<String, Boolean> counting = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      LogEntry entry = LogEntry.parse(entries.get(i));
      assertThat(entry.seq()).isEqualTo(i);
      String signer = java.util.Arrays.toString(entry.signer());
      assertThat(counting.getOrDefault(signer, false)).as("entry %d", i)
          .isEqualTo(entry.type() == LogEntry.Type.UNCOUNTED);
      counting.put(signer, entry.type() == LogEntry.Type.COUNTED);
      running += entry.delta();
      rebuilt = rebuilt.append(entry.leafHash());
    }
    assertThat(running).as("COUNTED - UNCOUNTED after SIGKILL").isEqualTo(count);
    assertThat(rebuilt).isEqualTo(frontier);
    assertThat(MerkleTree.root(frontier.size(), (level, index) -> store.logNode("crash", level, index)))
        .isEqualTo(frontier.root());
  }

  private Process startSigner(Path acks, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String url = database.url() + (database.url().contains("?") ? "&" : "?") + "ApplicationName=crash-signer";
    return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        CrashSigner.class.getName(), url, database.server().user(), database.server().password(), "crash",
        acks.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void waitForAcknowledgements(Path acks, Process signer, int atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(acks).size() < atLeast) {
      if (!signer.isAlive()) {
        throw new AssertionError("the signer exited early with " + signer.exitValue());
      }
      if (System.nanoTime() > deadline) {
        signer.destroyForcibly();
        throw new AssertionError("the signer acknowledged nothing in 120 s");
      }
      Thread.sleep(50);
    }
  }

  /** PostgreSQL notices the dead client and rolls back its open transaction; wait for that. */
  private static void waitUntilServerDroppedTheSigner() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (queryLong("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'crash-signer'") > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the killed signer's sessions are still open after 30 s");
      }
      Thread.sleep(50);
    }
  }

  private static List<String> lines(Path file) throws Exception {
    if (!Files.exists(file)) {
      return List.of();
    }
    // A line is complete once its newline is on disk; a torn last line (killed mid-write) is not an ack.
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : text.substring(0, end).lines().toList();
  }

  private static Map<String, Long> countedByCountry() throws Exception {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
        "SELECT country, COUNT(*) FROM signature WHERE petition = 'crash' AND state = 'CONFIRMED' AND NOT held"
            + " AND country IS NOT NULL GROUP BY country");
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        counts.put(row.getString(1), row.getLong(2));
      }
    }
    return counts;
  }

}
