package org.petition.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.Sha256;
import org.petition.log.internal.StrictBase64;

/**
 * The right edge of a Merkle tree: the roots of the complete subtrees its leaves decompose into, one for
 * each bit set in the tree's size, largest (leftmost) first. That is all a log needs to compute its root
 * and to append: O(log n) hashes whatever the size, updated in O(log n) per entry, so a checkpoint over
 * ten million entries needs no scan. A store persists {@link #toBytes()} beside its entries, in the same
 * transaction. Immutable.
 */
public final class Frontier {

  /** Receives the complete subtrees an append creates, so a store can keep them for proofs. */
  @FunctionalInterface
  public interface NodeSink {

    /** The subtree at {@code level} and {@code index} (see {@link NodeSource}) is now complete. */
    void node(int level, long index, byte[] hash);
  }

  private static final Frontier EMPTY = new Frontier(0, new byte[0][]);

  private final long size;
  private final byte[][] hashes;

  private Frontier(long size, byte[][] hashes) {
    this.size = size;
    this.hashes = hashes;
  }

  /** The frontier of the empty tree. */
  public static Frontier empty() {
    return EMPTY;
  }

  /**
   * The frontier of a tree of {@code size} leaves from its subtree roots, largest first (copied).
   *
   * @throws IllegalArgumentException if there is not exactly one 32-byte hash per bit set in {@code size}
   */
  public static Frontier of(long size, List<byte[]> hashes) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size cannot be negative: " + size);
    }
    if (hashes.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a tree of " + size + " leaves has " + Long.bitCount(size) + " subtree roots, not " + hashes.size());
    }
    byte[][] copy = new byte[hashes.size()][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = MerkleTree.checkHash(hashes.get(i), "subtree root " + i).clone();
    }
    return new Frontier(size, copy);
  }

  /** The frontier {@link #toBytes()} wrote. */
  public static Frontier fromBytes(byte[] bytes) {
    if (bytes.length < Long.BYTES || (bytes.length - Long.BYTES) % Sha256.LENGTH != 0) {
      throw new IllegalArgumentException("a stored frontier is 8 bytes and 32 per hash, was " + bytes.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long size = buffer.getLong();
    List<byte[]> hashes = new ArrayList<>();
    while (buffer.hasRemaining()) {
      byte[] hash = new byte[Sha256.LENGTH];
      buffer.get(hash);
      hashes.add(hash);
    }
    return of(size, hashes);
  }

  /** The number of leaves. */
  public long size() {
    return size;
  }

  /** The subtree roots, largest first (copies). */
  public List<byte[]> hashes() {
    List<byte[]> copies = new ArrayList<>(hashes.length);
    for (byte[] hash : hashes) {
      copies.add(hash.clone());
    }
    return Collections.unmodifiableList(copies);
  }

  /** The frontier with one more leaf, given its {@linkplain MerkleTree#leafHash leaf hash}. */
  public Frontier append(byte[] leafHash) {
    return append(leafHash, (level, index, hash) -> { });
  }

  /**
   * The frontier with one more leaf; {@code sink} is told of the leaf (level 0) and of every subtree the
   * leaf completes, lowest first.
   */
  public Frontier append(byte[] leafHash, NodeSink sink) {
    MerkleTree.checkHash(leafHash, "leaf hash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("the tree is full");
    }
    byte[] hash = leafHash.clone();
    sink.node(0, size, hash.clone());
    int kept = hashes.length;
    int level = 0;
    while ((size >>> level & 1) == 1) {
      hash = MerkleTree.nodeHash(hashes[--kept], hash);
      level++;
      sink.node(level, ((size + 1) >>> level) - 1, hash.clone());
    }
    byte[][] next = Arrays.copyOf(hashes, kept + 1);
    next[kept] = hash;
    return new Frontier(size + 1, next);
  }

  /** The root hash of the tree (RFC 9162 MTH; for the empty tree, the hash of the empty string). */
  public byte[] root() {
    if (hashes.length == 0) {
      return MerkleTree.emptyRoot();
    }
    byte[] root = hashes[hashes.length - 1];
    for (int i = hashes.length - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(hashes[i], root);
    }
    return root.clone();
  }

  /** The size as 8 big-endian bytes followed by the subtree roots, largest first. */
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + hashes.length * Sha256.LENGTH);
    buffer.putLong(size);
    for (byte[] hash : hashes) {
      buffer.put(hash);
    }
    return buffer.array();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Frontier frontier && frontier.size == size && Arrays.deepEquals(frontier.hashes, hashes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, Arrays.deepHashCode(hashes));
  }

  @Override
  public String toString() {
    return "Frontier[size=" + size + ", root=" + StrictBase64.encode(root()) + "]";
  }
}
