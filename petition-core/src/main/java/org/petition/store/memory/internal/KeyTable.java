package org.petition.store.memory.internal;

/**
 * A unique index from a 16-byte hash prefix and a slot to an id, in open-addressing tables of longs
 * (about 45 bytes an entry where a concurrent map of key records and boxed ids spent about 95). Split
 * into segments, each under its own lock, so concurrent inserts rarely wait.
 */
public final class KeyTable {

  private static final int SEGMENT_BITS = 5;
  private static final int SLOT_BITS = 8;
  private static final long MAX_ID = (1L << (64 - SLOT_BITS)) - 1;

  private final Segment[] segments = new Segment[1 << SEGMENT_BITS];

  public KeyTable() {
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new Segment();
    }
  }

  /** Stores {@code id} under the key unless one is there; returns the id already there, or 0. */
  public long putIfAbsent(long high, long low, int slot, long id) {
    if (id <= 0 || id > MAX_ID || slot < 0 || slot >= 1 << SLOT_BITS) {
      throw new IllegalArgumentException("id or slot out of range");
    }
    long hash = hash(high, low, slot);
    Segment segment = segments[(int) (hash >>> (64 - SEGMENT_BITS))];
    synchronized (segment) {
      return segment.putIfAbsent(hash, high, low, (long) slot << (64 - SLOT_BITS) | id);
    }
  }

  /** The id stored under the key, or 0. */
  public long get(long high, long low, int slot) {
    long hash = hash(high, low, slot);
    Segment segment = segments[(int) (hash >>> (64 - SEGMENT_BITS))];
    synchronized (segment) {
      int at = segment.find(hash, high, low, slot);
      return at < 0 ? 0 : segment.table[at + 2] & MAX_ID;
    }
  }

  /** Removes the key if it maps to {@code id}. */
  public boolean remove(long high, long low, int slot, long id) {
    long hash = hash(high, low, slot);
    Segment segment = segments[(int) (hash >>> (64 - SEGMENT_BITS))];
    synchronized (segment) {
      int at = segment.find(hash, high, low, slot);
      if (at < 0 || (segment.table[at + 2] & MAX_ID) != id) {
        return false;
      }
      segment.delete(at);
      return true;
    }
  }

  private static long hash(long high, long low, int slot) {
    long h = high * 0x9E3779B97F4A7C15L ^ low;
    h = (h ^ (h >>> 29) ^ slot) * 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
  }

  /** Linear probing over triples (high, low, slot << 56 | id); an id of 0 marks an empty place. */
  private static final class Segment {
    long[] table = new long[0];
    int size;

    int find(long hash, long high, long low, int slot) {
      int capacity = table.length / 3;
      if (capacity == 0) {
        return -1;
      }
      for (int i = index(hash, capacity); ; i = (i + 1) & (capacity - 1)) {
        int at = i * 3;
        long value = table[at + 2];
        if (value == 0) {
          return -1;
        }
        if (table[at] == high && table[at + 1] == low && (int) (value >>> (64 - SLOT_BITS)) == slot) {
          return at;
        }
      }
    }

    long putIfAbsent(long hash, long high, long low, long value) {
      int at = find(hash, high, low, (int) (value >>> (64 - SLOT_BITS)));
      if (at >= 0) {
        return table[at + 2] & MAX_ID;
      }
      if ((size + 1) * 4L > (table.length / 3) * 3L) {
        resize();
      }
      insert(hash, high, low, value);
      size++;
      return 0;
    }

    private void insert(long hash, long high, long low, long value) {
      int capacity = table.length / 3;
      int i = index(hash, capacity);
      while (table[i * 3 + 2] != 0) {
        i = (i + 1) & (capacity - 1);
      }
      table[i * 3] = high;
      table[i * 3 + 1] = low;
      table[i * 3 + 2] = value;
    }

    private void resize() {
      long[] old = table;
      int capacity = Math.max(16, old.length / 3 * 2);
      table = new long[capacity * 3];
      for (int at = 0; at < old.length; at += 3) {
        if (old[at + 2] != 0) {
          insert(hash(old[at], old[at + 1], (int) (old[at + 2] >>> (64 - SLOT_BITS))), old[at], old[at + 1],
              old[at + 2]);
        }
      }
    }

    /** Backward-shift deletion: later entries of the probe run move up, so no tombstones are needed. */
    void delete(int at) {
      int capacity = table.length / 3;
      int hole = at / 3;
      int i = hole;
      while (true) {
        i = (i + 1) & (capacity - 1);
        long value = table[i * 3 + 2];
        if (value == 0) {
          break;
        }
        int home = index(hash(table[i * 3], table[i * 3 + 1], (int) (value >>> (64 - SLOT_BITS))), capacity);
        // Move the entry into the hole unless its home lies cyclically in (hole, i].
        boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
        if (!stays) {
          System.arraycopy(table, i * 3, table, hole * 3, 3);
          hole = i;
        }
      }
      table[hole * 3] = 0;
      table[hole * 3 + 1] = 0;
      table[hole * 3 + 2] = 0;
      size--;
    }

    private static int index(long hash, int capacity) {
      // The top bits chose the segment; the low bits place the entry.
      return (int) hash & (capacity - 1);
    }
  }
}
