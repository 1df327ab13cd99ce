package org.petition.log.internal;

import java.nio.ByteBuffer;

/**
 * What a verifier remembers of each signer while it replays a log: a map from a signer commitment to a
 * number (positive while the signer counts, negated once it stopped), in two flat arrays rather than
 * boxed entries, so ten million signers fit in a few hundred megabytes. A signer is known by the first 16
 * bytes of its commitment: two different signers would share them with a chance below 10^-24 at ten
 * million signers.
 */
public final class SignerTable {

  private long[] keys = new long[2 * 1024];
  private long[] values = new long[1024];
  private int size;

  /** The value of {@code signer}, or 0 if it has none. */
  public long get(byte[] signer) {
    ByteBuffer buffer = ByteBuffer.wrap(signer);
    long high = buffer.getLong();
    long low = buffer.getLong();
    int slot = find(high, low);
    return values[slot];
  }

  /** Sets the value of {@code signer}; 0 is not a value. */
  public void put(byte[] signer, long value) {
    if (value == 0) {
      throw new IllegalArgumentException("0 means no value");
    }
    ByteBuffer buffer = ByteBuffer.wrap(signer);
    long high = buffer.getLong();
    long low = buffer.getLong();
    int slot = find(high, low);
    if (values[slot] == 0) {
      keys[2 * slot] = high;
      keys[2 * slot + 1] = low;
      if (++size * 4 > values.length * 3) {
        values[slot] = value;
        grow();
        return;
      }
    }
    values[slot] = value;
  }

  // The slot of the key, or the empty slot where it would go (linear probing; values are never removed).
  private int find(long high, long low) {
    int mask = values.length - 1;
    int slot = (int) (high ^ low ^ (high >>> 32)) & mask;
    while (values[slot] != 0 && (keys[2 * slot] != high || keys[2 * slot + 1] != low)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldValues.length * 2];
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != 0) {
        int slot = find(oldKeys[2 * i], oldKeys[2 * i + 1]);
        keys[2 * slot] = oldKeys[2 * i];
        keys[2 * slot + 1] = oldKeys[2 * i + 1];
        values[slot] = oldValues[i];
      }
    }
  }
}
