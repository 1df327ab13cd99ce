package org.petition.log;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One log's tree in memory: every complete subtree's hash, level by level, and the {@link Frontier}.
 * The reference {@link NodeSource}, for the in-memory store and for tests. Thread-safe.
 */
public final class InMemoryNodes implements NodeSource {

  private final List<List<byte[]>> levels = new ArrayList<>();
  private Frontier frontier = Frontier.empty();

  /** Appends a leaf, given its {@linkplain MerkleTree#leafHash leaf hash}; answers the new size. */
  public synchronized long append(byte[] leafHash) {
    frontier = frontier.append(leafHash, this::keep);
    return frontier.size();
  }

  /** The number of leaves. */
  public synchronized long size() {
    return frontier.size();
  }

  /** The tree's right edge. */
  public synchronized Frontier frontier() {
    return frontier;
  }

  @Override
  public synchronized byte[] node(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
      throw new NoSuchElementException("the tree of " + frontier.size() + " leaves has no complete subtree at level "
          + level + ", index " + index);
    }
    return levels.get(level).get((int) index).clone();
  }

  private void keep(int level, long index, byte[] hash) {
    if (level == levels.size()) {
      levels.add(new ArrayList<>());
    }
    List<byte[]> nodes = levels.get(level);
    if (index != nodes.size()) {
      throw new IllegalStateException("node " + level + "/" + index + " out of order");
    }
    nodes.add(hash);
  }
}
