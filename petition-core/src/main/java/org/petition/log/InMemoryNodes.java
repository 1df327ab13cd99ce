package org.petition.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * One log's tree in memory: every complete subtree's hash, level by level, and the {@link Frontier}.
 * The reference {@link NodeSource}, for the in-memory store and for tests. Thread-safe.
 *
 * <p>Hashes are packed 32 bytes apiece into pages per level (no array object per node), and the right edge
 * is kept by level and updated in place: an append allocates only the node hashes it completes, and the
 * immutable {@link Frontier} is built when asked for.
 */
public final class InMemoryNodes implements NodeSource {

  private static final int LENGTH = MerkleTree.HASH_LENGTH;
  private static final int PAGE_BITS = 15;
  private static final int PAGE_NODES = 1 << PAGE_BITS;

  // Per level, its nodes in order, PAGE_NODES to a page.
  private final List<List<byte[]>> levels = new ArrayList<>();
  private final long[] counts = new long[64];
  // The right edge: edge[level] is the root of the complete subtree of 2^level leaves when bit level of size is set.
  private final byte[][] edge = new byte[64][];
  private long size;
  private @Nullable Frontier frontier = Frontier.empty();

  /** Appends a leaf, given its {@linkplain MerkleTree#leafHash leaf hash}; answers the new size. */
  public synchronized long append(byte[] leafHash) {
    MerkleTree.checkHash(leafHash, "leaf hash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("the tree is full");
    }
    keep(0, leafHash);
    byte[] hash = leafHash;
    int level = 0;
    // As Frontier.append: the new leaf merges with the edge's subtrees while the size's low bits are ones.
    while ((size >>> level & 1) == 1) {
      hash = MerkleTree.nodeHash(edge[level], hash);
      level++;
      keep(level, hash);
    }
    edge[level] = hash == leafHash ? leafHash.clone() : hash;
    size++;
    frontier = null;
    return size;
  }

  /** The number of leaves. */
  public synchronized long size() {
    return size;
  }

  /** The tree's right edge. */
  public synchronized Frontier frontier() {
    Frontier current = frontier;
    if (current == null) {
      List<byte[]> roots = new ArrayList<>();
      for (int level = 63; level >= 0; level--) {
        if ((size >>> level & 1) == 1) {
          roots.add(edge[level]);
        }
      }
      current = Frontier.of(size, roots);
      frontier = current;
    }
    return current;
  }

  @Override
  public synchronized byte[] node(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= counts[level]) {
      throw new NoSuchElementException("the tree of " + size + " leaves has no complete subtree at level "
          + level + ", index " + index);
    }
    byte[] page = levels.get(level).get((int) (index >>> PAGE_BITS));
    int at = (int) (index & (PAGE_NODES - 1)) * LENGTH;
    return Arrays.copyOfRange(page, at, at + LENGTH);
  }

  private void keep(int level, byte[] hash) {
    if (level == levels.size()) {
      levels.add(new ArrayList<>());
    }
    List<byte[]> pages = levels.get(level);
    long index = counts[level]++;
    int pageIndex = (int) (index >>> PAGE_BITS);
    if (pageIndex == pages.size()) {
      // Low levels fill whole pages; a high level's few nodes take a page of their size, grown as needed.
      pages.add(new byte[Math.min(PAGE_NODES, 16) * LENGTH]);
    }
    byte[] page = pages.get(pageIndex);
    int at = (int) (index & (PAGE_NODES - 1)) * LENGTH;
    if (at + LENGTH > page.length) {
      page = Arrays.copyOf(page, Math.min(PAGE_NODES * LENGTH, page.length * 2));
      pages.set(pageIndex, page);
    }
    System.arraycopy(hash, 0, page, at, LENGTH);
  }
}
