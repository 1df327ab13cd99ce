package org.petition.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/** One thread's phone numbers; counters as {@link HotPathBenchmark.Signer}. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PhoneFloorThread {
  public long allocBytes;
  public long allocCalls;
  /** CPU time of this thread in the measured calls (ns); cpuNanos / allocCalls is CPU per call. */
  public long cpuNanos;
  private final AllocationMeter meter = new AllocationMeter();
  private long next;
  private long iterationStart;
  private int stride;
  private int offset;

  @Setup(Level.Trial)
  public void setUp(ThreadParams thread) {
    stride = thread.getThreadCount();
    offset = thread.getThreadIndex();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    iterationStart = next;
    meter.begin();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    cpuNanos = meter.cpuNanos();
    allocBytes = meter.end();
    allocCalls = next - iterationStart;
  }

  long nextSigner() {
    return next++ * stride + offset;
  }
}
