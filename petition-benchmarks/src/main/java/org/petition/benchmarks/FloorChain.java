package org.petition.benchmarks;

import static org.petition.benchmarks.FloorBytes.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/** One chain of the {@link FloorLedger}; every field is guarded by {@link #lock}. */
final class FloorChain {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  final ReentrantLock lock = new ReentrantLock();
  final byte[] head = "0".repeat(64).getBytes(StandardCharsets.US_ASCII);
  long[] hashes = new long[64];
  int count;
  private int prefilled;

  void prefill(int records) {
    // Room for a few iterations' appends before the first growth.
    hashes = new long[(records + 8_192) * 4];
    count = records;
    prefilled = records;
  }

  void truncate() {
    lock.lock();
    try {
      count = prefilled;
    } finally {
      lock.unlock();
    }
  }

  /** Stores a record's hash (32 bytes) and makes it the head. */
  void add(byte[] digest) {
    if ((count + 1) * 4 > hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    int at = count * 4;
    for (int i = 0; i < 4; i++) {
      hashes[at + i] = getLong(digest, i * 8);
    }
    count++;
    for (int i = 0; i < 32; i++) {
      head[2 * i] = HEX[(digest[i] >> 4) & 15];
      head[2 * i + 1] = HEX[digest[i] & 15];
    }
  }
}
