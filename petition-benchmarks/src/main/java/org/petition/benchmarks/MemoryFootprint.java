package org.petition.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Measures the heap one stored, confirmed signature takes in the in-memory store (signature, indexes,
 * counts and the consent ledger's three records), from the retained heap after a full GC.
 *
 * <pre>
 * java -Xmx8g -cp petition-benchmarks/target/benchmarks.jar org.petition.benchmarks.MemoryFootprint api 200000
 * java -Xmx8g -cp petition-benchmarks/target/benchmarks.jar org.petition.benchmarks.MemoryFootprint prefill 1000000
 * java -Xmx8g -cp petition-benchmarks/target/benchmarks.jar org.petition.benchmarks.MemoryFootprint api 200000 histogram
 * </pre>
 *
 * {@code api} signs and confirms through {@code Petitions.sign}/{@code confirm} (the real path);
 * {@code prefill} stores through the store SPI as {@link HotPathBenchmark} prefills. Comparing both checks
 * that the prefill is as heavy as the real thing.
 */
public final class MemoryFootprint {

  private MemoryFootprint() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "prefill";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    LibraryFixture fixture = new LibraryFixture();
    long before = retained();
    long started = System.nanoTime();
    switch (mode) {
      case "api" -> {
        String[] tokens = fixture.presign(count, n -> LibraryFixture.request('m', n, false), 1);
        for (String token : tokens) {
          if (!(fixture.petitions.confirm(token) instanceof org.petition.ConfirmResult.Confirmed)) {
            throw new IllegalStateException("a confirmation did not count");
          }
        }
      }
      case "prefill" -> fixture.prefill(count);
      default -> throw new IllegalArgumentException("mode must be api or prefill");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = retained();
    long total = fixture.store.counts(LibraryFixture.SLUG).total();
    if (total != count) {
      throw new IllegalStateException("expected " + count + " counted signatures, found " + total);
    }
    double perSignature = (after - before) / (double) count;
    System.out.printf(Locale.ROOT,
        "mode=%s signatures=%d seconds=%.1f (%.2f us each) retained=%.1f MiB bytes/signature=%.0f"
            + " heap for 10M=%.1f GiB%n",
        mode, count, seconds, seconds * 1e6 / count, (after - before) / 1048576.0, perSignature,
        perSignature * 10_000_000 / (1L << 30));
    if (args.length > 2 && args[2].equals("histogram")) {
      // The live classes and their bytes, as jcmd GC.class_histogram prints them.
      Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      String[] lines = histogram.toString().split("\n");
      for (int i = 0; i < Math.min(lines.length, 40); i++) {
        System.out.println(lines[i]);
      }
    }
    // Keep the fixture reachable until measured.
    if (fixture.store.petitions().isEmpty()) {
      throw new IllegalStateException();
    }
  }

  private static long retained() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
