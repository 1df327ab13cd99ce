package org.petition.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates between two points, from HotSpot's per-thread counter. The benchmark
 * threads read it at the end of their iteration setup and at the start of their iteration teardown, so
 * the count holds the measured operations only: JMH's {@code -prof gc} ({@code gc.alloc.rate.norm}) counts
 * every thread from before the iteration setup to after the teardown, which here would add the pending
 * signatures prepared for {@code confirm} and the purge after {@code sign}.
 */
final class AllocationMeter {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private long start;
  private long cpuStart;

  static {
    if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
      throw new ExceptionInInitializerError("this JVM does not count allocated bytes per thread");
    }
  }

  /** Starts counting on the current thread. */
  void begin() {
    start = THREADS.getCurrentThreadAllocatedBytes();
    cpuStart = THREADS.getCurrentThreadCpuTime();
  }

  /**
   * The CPU time (ns) the current thread used since {@link #begin()}: unlike the batch's wall time it leaves out
   * the time the thread waited for a core, so on a machine shared with other work it still gives a direction
   * (not a figure: caches and the other core's load still count). Read before {@link #end()}.
   */
  long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime() - cpuStart;
  }

  /** The bytes the current thread allocated since {@link #begin()}. */
  long end() {
    return THREADS.getCurrentThreadAllocatedBytes() - start;
  }
}
