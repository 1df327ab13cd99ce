package org.petition.log;

/**
 * The hashes of the complete subtrees of one log's Merkle tree, as a store keeps them, from which {@link
 * MerkleTree} computes roots and proofs. A complete subtree is named by its level and index: the node at
 * level {@code l} and index {@code i} is the root of the {@code 2^l} leaves from {@code i·2^l} on, so
 * level 0 holds the leaf hashes. Appending a leaf completes the nodes that {@link Frontier#append(byte[],
 * Frontier.NodeSink)} reports; a store that keeps them all (about two hashes per entry) answers any proof
 * with O(log n) reads.
 *
 * <p>{@link InMemoryNodes} is the reference implementation.
 */
@FunctionalInterface
public interface NodeSource {

  /**
   * The 32-byte hash of the complete subtree at {@code level} and {@code index}. Callers must not modify
   * the array.
   *
   * @throws java.util.NoSuchElementException (or a store's own unchecked exception) if the tree does not
   *     hold that subtree complete
   */
  byte[] node(int level, long index);
}
