package org.petition.benchmarks;

import static org.petition.benchmarks.FloorTokens.*;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.petition.internal.HmacSha256;

/** One thread's HMAC, buffers and batch of pending signatures with their tokens; counters as {@link HotPathBenchmark.Signer}. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ConfirmFloorThread {
  public long allocBytes;
  public long allocCalls;
  /** CPU time of this thread in the measured calls (ns); cpuNanos / allocCalls is CPU per call. */
  public long cpuNanos;
  private final AllocationMeter meter = new AllocationMeter();
  HmacSha256 mac;
  final byte[] tag = new byte[32];
  final byte[] expected = new byte[TAG];
  final byte[] given = new byte[TAG];
  final FloorEncoder encoder = new FloorEncoder();
  private String[] tokens = new String[0];
  private long[] ids = new long[0];
  private int cursor;
  private long nextId;
  private int stride;
  private int offset;
  private long nextSigner;

  @Setup(Level.Trial)
  public void setUp(ConfirmFloor floor, ThreadParams thread) {
    mac = hmac(floor.tokenKey);
    // Ids above the prefilled ones, disjoint per thread.
    nextId = floor.size + (long) thread.getThreadIndex() * (1L << 40);
    stride = thread.getThreadCount();
    offset = thread.getThreadIndex();
  }

  /**
   * Stores a batch of pending signatures (a random email key each, the language tags of the library's
   * signers) and mints their tokens.
   */
  @Setup(Level.Iteration)
  public void prepare(ConfirmFloor floor, IterationParams iteration) {
    int count = iteration.getBatchSize();
    tokens = new String[count];
    ids = new long[count];
    long expiry = System.currentTimeMillis() / 1000 + TOKEN_TTL_SECONDS;
    HmacSha256 minter = hmac(floor.tokenKey);
    for (int i = 0; i < count; i++) {
      ids[i] = nextId++;
      String locale = Corpus.name(nextSigner++ * stride + offset).locale().toLanguageTag();
      floor.signatures.put(ids[i], new FloorSignature(LibraryFixture.randomBytes(32), locale, false));
      tokens[i] = mint(minter, ids[i], expiry);
    }
    cursor = 0;
    meter.begin();
  }

  String next() {
    return tokens[cursor++];
  }

  @TearDown(Level.Iteration)
  public void afterIteration(ConfirmFloor floor) {
    cpuNanos = meter.cpuNanos();
    allocBytes = meter.end();
    allocCalls = cursor;
    if (cursor != tokens.length) {
      throw new IllegalStateException("confirmed " + cursor + " of a batch of " + tokens.length);
    }
    for (int i = 0; i < ids.length; i++) {
      FloorSignature confirmed = floor.signatures.remove(ids[i]);
      if (i < cursor && (confirmed == null || !confirmed.confirmed())) {
        throw new IllegalStateException("a floor confirmation did not confirm");
      }
    }
  }
}
