package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The packed node store against {@link Frontier#append}'s own node sink, across its page boundaries. */
class InMemoryNodesTest {

  @Test
  void everyNodeAndFrontierIsFrontierAppendsAcrossPages() {
    InMemoryNodes nodes = new InMemoryNodes();
    List<List<byte[]>> expected = new ArrayList<>();
    Frontier reference = Frontier.empty();
    int leaves = 70_001; // past two pages of level 0 (32,768 nodes each)
    for (int i = 0; i < leaves; i++) {
      byte[] leaf = MerkleTree.leafHash(ByteBuffer.allocate(8).putLong(i).array());
      reference = reference.append(leaf, (level, index, hash) -> {
        while (expected.size() <= level) {
          expected.add(new ArrayList<>());
        }
        assertThat(expected.get(level)).hasSize((int) index);
        expected.get(level).add(hash);
      });
      assertThat(nodes.append(leaf)).isEqualTo(i + 1);
      if (i % 9_973 == 0 || i == leaves - 1) {
        assertThat(nodes.frontier().toBytes()).isEqualTo(reference.toBytes());
        assertThat(nodes.frontier().root()).isEqualTo(reference.root());
      }
    }
    for (int level = 0; level < expected.size(); level++) {
      List<byte[]> kept = expected.get(level);
      for (int index = 0; index < kept.size(); index++) {
        assertThat(nodes.node(level, index)).isEqualTo(kept.get(index));
      }
      int missing = kept.size();
      int at = level;
      assertThatThrownBy(() -> nodes.node(at, missing)).isInstanceOf(NoSuchElementException.class);
    }
    assertThat(nodes.size()).isEqualTo(leaves);
    assertThat(MerkleTree.root(leaves, nodes)).isEqualTo(reference.root());
  }

  @Test
  void theLeafHashGivenIsCopiedNotKept() {
    InMemoryNodes nodes = new InMemoryNodes();
    byte[] leaf = MerkleTree.leafHash(new byte[] {1});
    byte[] copy = leaf.clone();
    nodes.append(leaf);
    leaf[0] ^= 1;
    assertThat(nodes.node(0, 0)).isEqualTo(copy);
    assertThat(nodes.frontier().root()).isEqualTo(copy);
  }
}
