package org.petition.benchmarks;

import static org.petition.benchmarks.FloorTokens.PAYLOAD;
import static org.petition.benchmarks.FloorTokens.TAG;
import static org.petition.benchmarks.FloorTokens.hmac;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import org.petition.internal.HmacSha256;

/** One thread's signers, MACs and buffers for {@link SignFloor}; counters as {@link HotPathBenchmark.Signer}. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class SignFloorThread {
  public long allocBytes;
  public long allocCalls;
  /** CPU time of this thread in the measured calls (ns); cpuNanos / allocCalls is CPU per call. */
  public long cpuNanos;
  private final AllocationMeter meter = new AllocationMeter();
  HmacSha256 mac;
  HmacSha256 identity;
  final byte[] text = new byte[1024];
  final byte[] token = new byte[PAYLOAD + TAG];
  final byte[] tag = new byte[32];
  final byte[] base64 = new byte[64];
  private long next;
  private long iterationStart;
  private int stride;
  private int offset;

  @Setup(Level.Trial)
  public void setUp(SignFloor floor, ThreadParams thread) {
    mac = hmac(floor.tokenKey);
    identity = hmac(floor.identityKey);
    stride = thread.getThreadCount();
    offset = thread.getThreadIndex();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    iterationStart = next;
    meter.begin();
  }

  long nextSigner() {
    return next++ * stride + offset;
  }

  /** Removes this iteration's signers, so every iteration starts at size. */
  @TearDown(Level.Iteration)
  public void afterIteration(SignFloor floor) {
    cpuNanos = meter.cpuNanos();
    allocBytes = meter.end();
    allocCalls = next - iterationStart;
    for (long k = iterationStart; k < next; k++) {
      if (floor.signatures.remove(SignFloor.canonicalize(Corpus.email('s', k * stride + offset))) == null) {
        throw new IllegalStateException("a floor signing was not stored");
      }
    }
  }
}
