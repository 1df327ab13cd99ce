package org.petition.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor's petition: signature id to its signature (confirmed or not, and for a pending one what its
 * consent records need: the signer's 32-byte email key and language tag), with {@code size} confirmed
 * ones; the floor's consent ledger ({@link FloorLedger}) holding their {@code 3 × size} records; and the
 * petition's transparency log ({@link FloorLog}) counting their {@code size} entries.
 */
@State(Scope.Benchmark)
public class ConfirmFloor {
  @Param({"10000", "1000000", "10000000"})
  public int size;

  final ConcurrentHashMap<Long, FloorSignature> signatures = new ConcurrentHashMap<>();
  final byte[] tokenKey = LibraryFixture.randomBytes(32);
  final FloorLedger ledger = new FloorLedger();
  final FloorLog log = new FloorLog(LibraryFixture.SLUG, LibraryFixture.randomBytes(32));

  @Setup(Level.Trial)
  public void setUp() {
    LibraryFixture.forEach(size, Runtime.getRuntime().availableProcessors(),
        i -> signatures.put(i, FloorSignature.PREFILLED));
    ledger.prefill((long) size * LibraryFixture.DOCUMENTS.size());
    ledger.checkAgainstTheLibrary();
    log.prefill(size);
    FloorLog.checkAgainstTheLibrary();
  }

  /** Drops the ledger records the previous iteration appended, so every iteration appends to the same chains. */
  @Setup(Level.Iteration)
  public void beforeIteration() {
    ledger.truncate();
  }
}
