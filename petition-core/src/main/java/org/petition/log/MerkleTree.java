package org.petition.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.Sha256;

/**
 * The Merkle tree of RFC 9162 (section 2.1) with SHA-256: a leaf's hash is {@code SHA-256(0x00 ‖ entry)},
 * an inner node's {@code SHA-256(0x01 ‖ left ‖ right)}, and the tree over n leaves splits at the largest
 * power of two below n. Builds roots and inclusion and consistency proofs from the complete subtrees a
 * {@link NodeSource} holds, and verifies proofs exactly as RFC 9162 sections 2.1.3.2 and 2.1.4.2 describe.
 * Hashes are 32-byte arrays; verification answers {@code false} for anything malformed rather than throw.
 */
public final class MerkleTree {

  /** The length of every hash in the tree, in bytes. */
  public static final int HASH_LENGTH = Sha256.LENGTH;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final byte[] EMPTY_ROOT = Sha256.of();

  private MerkleTree() {}

  /** The leaf hash of an entry: {@code SHA-256(0x00 ‖ entry)}. */
  public static byte[] leafHash(byte[] entry) {
    return Sha256.prefixed(LEAF_PREFIX, entry);
  }

  /** The hash of an inner node: {@code SHA-256(0x01 ‖ left ‖ right)}. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return Sha256.prefixed(NODE_PREFIX, left, right);
  }

  /** The root of the empty tree: the SHA-256 of no bytes. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** The root of the tree's first {@code size} leaves. */
  public static byte[] root(long size, NodeSource nodes) {
    checkSize(size);
    return size == 0 ? emptyRoot() : range(0, size, nodes).clone();
  }

  /**
   * The inclusion proof (RFC 9162 section 2.1.3.1, the audit path) of leaf {@code index} in the tree of the
   * first {@code size} leaves: the sibling hashes from the leaf up.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static List<byte[]> inclusionProof(long index, long size, NodeSource nodes) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + size);
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, size, nodes, path);
    return Collections.unmodifiableList(path);
  }

  /**
   * The consistency proof (RFC 9162 section 2.1.4.1) from the tree of the first {@code from} leaves to the
   * tree of the first {@code to}; empty when {@code from} is 0 or equals {@code to}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to}
   */
  public static List<byte[]> consistencyProof(long from, long to, NodeSource nodes) {
    if (from < 0 || from > to) {
      throw new IllegalArgumentException("no consistency proof from a tree of " + from + " to one of " + to);
    }
    List<byte[]> proof = new ArrayList<>();
    if (from > 0 && from < to) {
      subproof(from, 0, to, true, nodes, proof);
    }
    return Collections.unmodifiableList(proof);
  }

  /**
   * Whether {@code proof} shows the leaf with hash {@code leafHash} at {@code index} in the tree of {@code
   * size} leaves whose root is {@code root} (RFC 9162 section 2.1.3.2).
   */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
    return computed != null && isHash(root) && MessageDigest.isEqual(computed, root);
  }

  /**
   * The root that {@code proof} leads to from the leaf with hash {@code leafHash} at {@code index} in a tree
   * of {@code size} leaves, or {@code null} if the proof cannot be one for that index and size (RFC 9162
   * section 2.1.3.2, steps 1 to 4 and the check that {@code sn} ends at 0).
   */
  public static byte @Nullable [] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
    if (index < 0 || index >= size || !isHash(leafHash) || !allHashes(proof)) {
      return null;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return null;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 ? r : null;
  }

  /**
   * Whether {@code proof} shows that the tree of {@code from} leaves with root {@code fromRoot} is a prefix
   * of the tree of {@code to} leaves with root {@code toRoot} (RFC 9162 section 2.1.4.2 for {@code 0 < from
   * < to}). Equal sizes are consistent with an empty proof and equal roots; a tree is consistent with the
   * empty tree (whose root must be {@link #emptyRoot()}) with an empty proof.
   */
  public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
    if (from < 0 || from > to || !isHash(fromRoot) || !isHash(toRoot) || !allHashes(proof)) {
      return false;
    }
    if (from == to) {
      return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
    }
    if (from == 0) {
      return proof.isEmpty() && MessageDigest.isEqual(fromRoot, EMPTY_ROOT);
    }
    // 1. An empty path fails.
    if (proof.isEmpty()) {
      return false;
    }
    // 2. If first is an exact power of 2, prepend first_hash.
    List<byte[]> path = proof;
    if ((from & (from - 1)) == 0) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(fromRoot);
      path.addAll(proof);
    }
    // 3., 4.
    long fn = from - 1;
    long sn = to - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // 5.
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    // 6.
    for (int i = 1; i < path.size(); i++) {
      byte[] c = path.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // 7.
    return MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot) && sn == 0;
  }

  static byte[] checkHash(byte[] hash, String what) {
    Objects.requireNonNull(hash, () -> what + " must not be null");
    if (hash.length != HASH_LENGTH) {
      throw new IllegalArgumentException(what + " must be " + HASH_LENGTH + " bytes, was " + hash.length);
    }
    return hash;
  }

  // PATH(m, D[lo:hi]) of RFC 9162 section 2.1.3.1.
  private static void path(long m, long lo, long hi, NodeSource nodes, List<byte[]> out) {
    long n = hi - lo;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, lo, lo + k, nodes, out);
      out.add(range(lo + k, hi, nodes));
    } else {
      path(m - k, lo + k, hi, nodes, out);
      out.add(range(lo, lo + k, nodes));
    }
  }

  // SUBPROOF(m, D[lo:hi], b) of RFC 9162 section 2.1.4.1.
  private static void subproof(long m, long lo, long hi, boolean b, NodeSource nodes, List<byte[]> out) {
    long n = hi - lo;
    if (m == n) {
      if (!b) {
        out.add(range(lo, hi, nodes));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, lo, lo + k, b, nodes, out);
      out.add(range(lo + k, hi, nodes));
    } else {
      subproof(m - k, lo + k, hi, false, nodes, out);
      out.add(range(lo, lo + k, nodes));
    }
  }

  // MTH(D[lo:hi]) where lo is a multiple of the largest power of two not above hi - lo, as every range
  // the recursions above ask for is: a complete subtree is one read, any other range splits.
  private static byte[] range(long lo, long hi, NodeSource nodes) {
    long n = hi - lo;
    if ((n & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      if ((lo & (n - 1)) != 0) {
        throw new IllegalStateException("range [" + lo + ", " + hi + ") is not a complete subtree");
      }
      return checkHash(nodes.node(level, lo >>> level), "node " + level + "/" + (lo >>> level));
    }
    long k = largestPowerOfTwoBelow(n);
    return nodeHash(range(lo, lo + k, nodes), range(lo + k, hi, nodes));
  }

  private static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static void checkSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size cannot be negative: " + size);
    }
  }

  private static boolean isHash(byte @Nullable [] hash) {
    return hash != null && hash.length == HASH_LENGTH;
  }

  private static boolean allHashes(List<byte[]> hashes) {
    for (byte[] hash : hashes) {
      if (!isHash(hash)) {
        return false;
      }
    }
    return true;
  }
}
