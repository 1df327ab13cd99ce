package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 / RFC 6962 trees against the published Certificate Transparency test vectors (the eight-leaf
 * tree of transparency-dev/merkle's proof/verify_test.go, the same as the C++ reference's), and against a
 * naive recursive implementation of the RFC's definitions, written here independently of MerkleTree.
 */
class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  static final byte[][] LEAVES = {
    hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"), hex("5051525354555657"),
    hex("606162636465666768696a6b6c6d6e6f"),
  };

  /** The roots of the trees of the first 1 to 8 leaves. */
  static final String[] ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };

  private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void theRootsOfTheReferenceTreeAreThePublishedOnes() {
    InMemoryNodes nodes = new InMemoryNodes();
    assertThat(HEX.formatHex(nodes.frontier().root())).isEqualTo(EMPTY_ROOT);
    assertThat(HEX.formatHex(MerkleTree.root(0, nodes))).isEqualTo(EMPTY_ROOT);
    for (int n = 1; n <= LEAVES.length; n++) {
      nodes.append(MerkleTree.leafHash(LEAVES[n - 1]));
      assertThat(HEX.formatHex(nodes.frontier().root())).as("frontier root of %d", n).isEqualTo(ROOTS[n - 1]);
      for (int m = 1; m <= n; m++) {
        assertThat(HEX.formatHex(MerkleTree.root(m, nodes))).as("root of %d from nodes", m).isEqualTo(ROOTS[m - 1]);
      }
    }
  }

  @Test
  void theInclusionProofsAreThePublishedOnes() {
    InMemoryNodes nodes = reference(8);
    // {index, size, path...}: transparency-dev/merkle's inclusionProofs, whose leaf numbers are 1-based.
    assertInclusion(nodes, 0, 8,
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertInclusion(nodes, 5, 8,
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertInclusion(nodes, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
    assertInclusion(nodes, 1, 5,
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    assertInclusion(nodes, 0, 1);
  }

  @Test
  void theConsistencyProofsAreThePublishedOnes() {
    InMemoryNodes nodes = reference(8);
    assertConsistency(nodes, 1, 1);
    assertConsistency(nodes, 1, 8,
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertConsistency(nodes, 6, 8,
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertConsistency(nodes, 2, 5,
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    assertConsistency(nodes, 6, 7,
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
  }

  @Test
  void theReferenceProofsFailWhenCorrupted() {
    // The corruptions of transparency-dev/merkle's corruptInclusionProof and corruptConsistencyProof.
    InMemoryNodes nodes = reference(8);
    for (long[] c : new long[][] {{0, 8}, {5, 8}, {2, 3}, {1, 5}}) {
      long index = c[0];
      long size = c[1];
      byte[] leaf = MerkleTree.leafHash(LEAVES[(int) index]);
      byte[] root = hex(ROOTS[(int) size - 1]);
      List<byte[]> proof = MerkleTree.inclusionProof(index, size, nodes);
      assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, root)).isTrue();
      assertCorruptionsFail(index, size, proof, List.of(new byte[0], root),
          (i, n, p) -> MerkleTree.verifyInclusion(i, n, leaf, p, root));
      assertThat(MerkleTree.verifyInclusion(index, size, "WrongLeaf".getBytes(), proof, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, hex(EMPTY_ROOT))).isFalse();
    }
    for (long[] c : new long[][] {{1, 8}, {6, 8}, {2, 5}, {6, 7}}) {
      long m = c[0];
      long n = c[1];
      byte[] r1 = hex(ROOTS[(int) m - 1]);
      byte[] r2 = hex(ROOTS[(int) n - 1]);
      List<byte[]> proof = MerkleTree.consistencyProof(m, n, nodes);
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, proof)).isTrue();
      assertCorruptionsFail(m, n, proof, List.of(new byte[0], r1, r2, proof.get(0)),
          (i, size, p) -> MerkleTree.verifyConsistency(i, size, r1, r2, p));
      assertThat(MerkleTree.verifyConsistency(m, n, r2, r1, proof)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, r1, r2, List.of())).isFalse();
    }
  }

  /** A verification of a proof for (a, b): an index or old size, and a tree size. */
  private interface Check {
    boolean verify(long a, long b, List<byte[]> proof);
  }

  // Wrong sizes, hashes added at either end, a bit flipped in each hash, the last hash left out.
  private static void assertCorruptionsFail(long a, long b, List<byte[]> proof, List<byte[]> extras, Check check) {
    for (long[] wrong : new long[][] {{a - 1, b}, {a + 1, b}, {a ^ 2, b}, {a, b * 2}, {a, b / 2}}) {
      assertThat(check.verify(wrong[0], wrong[1], proof)).as("%s, %s for %s, %s", wrong[0], wrong[1], a, b).isFalse();
    }
    for (byte[] extra : extras) {
      assertThat(check.verify(a, b, with(proof, proof.size(), extra))).as("trailing hash").isFalse();
      assertThat(check.verify(a, b, with(proof, 0, extra))).as("preceding hash").isFalse();
    }
    for (int i = 0; i < proof.size(); i++) {
      assertThat(check.verify(a, b, flip(proof, i, 3))).as("proof[%s] bit 3", i).isFalse();
    }
    if (!proof.isEmpty()) {
      assertThat(check.verify(a, b, proof.subList(0, proof.size() - 1))).as("truncated").isFalse();
    }
  }

  @Test
  void theEdgeCasesOfConsistencyAreThoseOfTheReferenceVerifier() {
    byte[] empty = hex(EMPTY_ROOT);
    byte[] some = hex(ROOTS[0]);
    assertThat(MerkleTree.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 1, empty, some, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 1, some, some, List.of())).as("the empty tree's root is fixed").isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 1, some, some, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(1, 1, some, empty, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 1, some, some, List.of(empty))).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 0, some, empty, List.of())).as("time travel").isFalse();
    assertThat(MerkleTree.verifyConsistency(2, 1, some, some, List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(1, 2, some, some, List.of())).as("empty proof").isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 0, some, List.of(), some)).isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, some, List.of(), some)).isTrue();
    assertThat(MerkleTree.verifyInclusion(0, 1, some, List.of(), new byte[0])).isFalse();
    assertThat(MerkleTree.verifyInclusion(2, 1, some, List.of(), some)).isFalse();
  }

  @Test
  void randomTreesAgreeWithTheNaiveDefinitionsAndEveryProofVerifies() {
    Random random = new Random(9162);
    for (int round = 0; round < 40; round++) {
      int size = 1 + random.nextInt(round < 20 ? 40 : 160);
      List<byte[]> entries = new ArrayList<>();
      InMemoryNodes nodes = new InMemoryNodes();
      for (int i = 0; i < size; i++) {
        byte[] entry = new byte[random.nextInt(20)];
        random.nextBytes(entry);
        entries.add(entry);
        nodes.append(MerkleTree.leafHash(entry));
      }
      for (int n = 1; n <= size; n++) {
        List<byte[]> prefix = entries.subList(0, n);
        byte[] root = Naive.mth(prefix);
        assertThat(MerkleTree.root(n, nodes)).as("root of %d", n).isEqualTo(root);
        int index = random.nextInt(n);
        List<byte[]> path = MerkleTree.inclusionProof(index, n, nodes);
        assertThat(path).as("path %d in %d", index, n).containsExactlyElementsOf(Naive.path(index, prefix));
        byte[] leaf = MerkleTree.leafHash(entries.get(index));
        assertThat(MerkleTree.verifyInclusion(index, n, leaf, path, root)).isTrue();
        int m = 1 + random.nextInt(n);
        List<byte[]> proof = MerkleTree.consistencyProof(m, n, nodes);
        assertThat(proof).as("proof %d to %d", m, n).containsExactlyElementsOf(Naive.proof(m, prefix));
        byte[] oldRoot = Naive.mth(entries.subList(0, m));
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, root, proof)).isTrue();
      }
    }
  }

  @Test
  void everyTamperingWithARandomProofFails() {
    Random random = new Random(6962);
    for (int round = 0; round < 60; round++) {
      int n = 2 + random.nextInt(200);
      InMemoryNodes nodes = new InMemoryNodes();
      for (int i = 0; i < n; i++) {
        nodes.append(MerkleTree.leafHash(("entry " + i).getBytes()));
      }
      byte[] root = MerkleTree.root(n, nodes);
      int index = random.nextInt(n);
      byte[] leaf = MerkleTree.leafHash(("entry " + index).getBytes());
      List<byte[]> path = MerkleTree.inclusionProof(index, n, nodes);
      for (int i = 0; i < path.size(); i++) {
        assertThat(MerkleTree.verifyInclusion(index, n, leaf, flip(path, i, random.nextInt(256)), root)).isFalse();
      }
      assertThat(MerkleTree.verifyInclusion(index, n, flip(List.of(leaf), 0, random.nextInt(256)).get(0), path, root))
          .isFalse();
      assertThat(MerkleTree.verifyInclusion(index, n, leaf, path, flip(List.of(root), 0, 7).get(0))).isFalse();
      for (long other = 0; other < n; other++) {
        if (other != index) {
          assertThat(MerkleTree.verifyInclusion(other, n, leaf, path, root)).as("index %d for %d", other, index).isFalse();
        }
      }
      for (long otherSize = index + 1; otherSize <= 2L * n + 2; otherSize++) {
        // A path binds the size only through its shape: sizes where the leaf has the same siblings on the
        // same sides verify alike (the checkpoint's signature binds the size).
        boolean sameShape = Naive.sides(index, otherSize).equals(Naive.sides(index, n));
        assertThat(MerkleTree.verifyInclusion(index, otherSize, leaf, path, root)).as("size %d for %d", otherSize, n)
            .isEqualTo(sameShape);
      }

      int m = 1 + random.nextInt(n - 1);
      byte[] oldRoot = MerkleTree.root(m, nodes);
      List<byte[]> proof = MerkleTree.consistencyProof(m, n, nodes);
      assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, root, proof)).isTrue();
      for (int i = 0; i < proof.size(); i++) {
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, root, flip(proof, i, random.nextInt(256)))).isFalse();
      }
      assertThat(MerkleTree.verifyConsistency(m, n, flip(List.of(oldRoot), 0, 1).get(0), root, proof)).isFalse();
      assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, flip(List.of(root), 0, 1).get(0), proof)).isFalse();
      // As with paths, a proof binds the sizes through its shape; the signed checkpoints bind the sizes.
      List<String> shape = Naive.shape(m, n);
      for (long otherM = 1; otherM < n; otherM++) {
        if (otherM != m) {
          assertThat(MerkleTree.verifyConsistency(otherM, n, oldRoot, root, proof)).as("m %d for %d", otherM, m)
              .isEqualTo(Naive.shape(otherM, n).equals(shape));
        }
      }
      for (long otherN = m + 1; otherN <= 2L * n + 2; otherN++) {
        if (otherN != n) {
          assertThat(MerkleTree.verifyConsistency(m, otherN, oldRoot, root, proof)).as("n %d for %d", otherN, n)
              .isEqualTo(Naive.shape(m, otherN).equals(shape));
        }
      }
    }
  }

  @Test
  void theFrontierIsLogarithmicAndSurvivesItsStoredForm() {
    InMemoryNodes nodes = new InMemoryNodes();
    Frontier frontier = Frontier.empty();
    for (int i = 0; i < 1000; i++) {
      byte[] leaf = MerkleTree.leafHash(("e" + i).getBytes());
      nodes.append(leaf);
      frontier = frontier.append(leaf);
      assertThat(frontier.hashes()).hasSize(Long.bitCount(i + 1));
      assertThat(Frontier.fromBytes(frontier.toBytes())).isEqualTo(frontier);
      assertThat(frontier.root()).isEqualTo(MerkleTree.root(i + 1, nodes));
    }
    assertThat(frontier).isEqualTo(nodes.frontier());
    assertThatThrownBy(() -> Frontier.of(3, List.of(new byte[32])))
        .hasMessage("a tree of 3 leaves has 2 subtree roots, not 1");
    assertThatThrownBy(() -> Frontier.fromBytes(new byte[9])).hasMessageContaining("8 bytes and 32 per hash");
    assertThatThrownBy(() -> MerkleTree.inclusionProof(5, 5, nodes)).hasMessage("leaf index 5 is not in a tree of 5");
    assertThatThrownBy(() -> MerkleTree.consistencyProof(6, 5, nodes))
        .hasMessage("no consistency proof from a tree of 6 to one of 5");
  }

  @Test
  void aCheckpointOverTenMillionEntriesNeedsOnlyTheStoredFrontier() {
    // What a store keeps beside entry 10,000,000: the size and one hash per bit set in it. The next root
    // and the next append read nothing else.
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < Long.bitCount(10_000_000); i++) {
      hashes.add(MerkleTree.leafHash(("subtree " + i).getBytes()));
    }
    Frontier stored = Frontier.fromBytes(Frontier.of(10_000_000, hashes).toBytes());
    assertThat(stored.toBytes()).hasSize(8 + 32 * Long.bitCount(10_000_000));
    Frontier next = stored.append(MerkleTree.leafHash(new byte[0]));
    assertThat(next.size()).isEqualTo(10_000_001);
    assertThat(next.hashes()).hasSize(Long.bitCount(10_000_001));
    byte[] expected = MerkleTree.leafHash(new byte[0]);
    for (int i = hashes.size() - 1; i >= 0; i--) {
      expected = MerkleTree.nodeHash(hashes.get(i), expected);
    }
    assertThat(next.root()).isEqualTo(expected); // 10,000,000 has no bit 0 set: the new leaf stands alone
  }

  static InMemoryNodes reference(int n) {
    InMemoryNodes nodes = new InMemoryNodes();
    for (int i = 0; i < n; i++) {
      nodes.append(MerkleTree.leafHash(LEAVES[i]));
    }
    return nodes;
  }

  private static void assertInclusion(InMemoryNodes nodes, long index, long size, String... expected) {
    List<byte[]> path = MerkleTree.inclusionProof(index, size, nodes);
    assertThat(path.stream().map(HEX::formatHex).toList()).as("path %d in %d", index, size).containsExactly(expected);
    assertThat(MerkleTree.verifyInclusion(index, size, MerkleTree.leafHash(LEAVES[(int) index]), path,
        hex(ROOTS[(int) size - 1]))).isTrue();
  }

  private static void assertConsistency(InMemoryNodes nodes, long m, long n, String... expected) {
    List<byte[]> proof = MerkleTree.consistencyProof(m, n, nodes);
    assertThat(proof.stream().map(HEX::formatHex).toList()).as("proof %d to %d", m, n).containsExactly(expected);
    assertThat(MerkleTree.verifyConsistency(m, n, hex(ROOTS[(int) m - 1]), hex(ROOTS[(int) n - 1]), proof)).isTrue();
  }

  private static List<byte[]> with(List<byte[]> proof, int at, byte[] extra) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.add(at, extra);
    return copy;
  }

  private static List<byte[]> flip(List<byte[]> proof, int at, int bit) {
    List<byte[]> copy = new ArrayList<>(proof);
    byte[] hash = copy.get(at).clone();
    hash[bit / 8 % hash.length] ^= (byte) (1 << (bit % 8));
    copy.set(at, hash);
    return copy;
  }

  private static byte[] hex(String hex) {
    return HEX.parseHex(hex);
  }

  /** RFC 9162 section 2.1's definitions, transcribed as they read: recursive, over the whole list. */
  static final class Naive {

    static byte[] mth(List<byte[]> d) {
      int n = d.size();
      if (n == 0) {
        return sha256(new byte[0]);
      }
      if (n == 1) {
        return sha256(concat(new byte[] {0}, d.get(0)));
      }
      int k = k(n);
      return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
      int n = d.size();
      List<byte[]> out = new ArrayList<>();
      if (n == 1) {
        return out;
      }
      int k = k(n);
      if (m < k) {
        out.addAll(path(m, d.subList(0, k)));
        out.add(mth(d.subList(k, n)));
      } else {
        out.addAll(path(m - k, d.subList(k, n)));
        out.add(mth(d.subList(0, k)));
      }
      return out;
    }

    /** Which side each sibling of PATH(m, D[n]) is on, from the leaf up: true for the left. */
    static List<Boolean> sides(long m, long n) {
      List<Boolean> out = new ArrayList<>();
      if (n == 1) {
        return out;
      }
      long k = Long.highestOneBit(n - 1);
      if (m < k) {
        out.addAll(sides(m, k));
        out.add(false);
      } else {
        out.addAll(sides(m - k, n - k));
        out.add(true);
      }
      return out;
    }

    /**
     * The shape of PROOF(m, D[n]): whether it starts from the old root itself (a complete subtree, left out
     * of the proof) or from a node in the proof, then the side of each further node, from the bottom up.
     */
    static List<String> shape(long m, long n) {
      return shape(m, n, true);
    }

    private static List<String> shape(long m, long n, boolean b) {
      List<String> out = new ArrayList<>();
      if (m == n) {
        out.add(b ? "old root" : "node");
        return out;
      }
      long k = Long.highestOneBit(n - 1);
      if (m <= k) {
        out.addAll(shape(m, k, b));
        out.add("right");
      } else {
        out.addAll(shape(m - k, n - k, false));
        out.add("left");
      }
      return out;
    }

    static List<byte[]> proof(int m, List<byte[]> d) {
      return m == d.size() ? List.of() : subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
      int n = d.size();
      List<byte[]> out = new ArrayList<>();
      if (m == n) {
        if (!b) {
          out.add(mth(d));
        }
        return out;
      }
      int k = k(n);
      if (m <= k) {
        out.addAll(subproof(m, d.subList(0, k), b));
        out.add(mth(d.subList(k, n)));
      } else {
        out.addAll(subproof(m - k, d.subList(k, n), false));
        out.add(mth(d.subList(0, k)));
      }
      return out;
    }

    // The largest power of two smaller than n.
    private static int k(int n) {
      int k = 1;
      while (k * 2 < n) {
        k *= 2;
      }
      return k;
    }

    private static byte[] concat(byte[]... parts) {
      int length = 0;
      for (byte[] part : parts) {
        length += part.length;
      }
      byte[] out = new byte[length];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, out, at, part.length);
        at += part.length;
      }
      return out;
    }

    private static byte[] sha256(byte[] data) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(data);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
  }
}
