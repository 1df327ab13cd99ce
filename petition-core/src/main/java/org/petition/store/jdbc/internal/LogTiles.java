package org.petition.store.jdbc.internal;

// Which of the log's complete subtrees the JDBC store keeps as log_node rows: those at levels that are
// multiples of HEIGHT (8, 16, ...), the roots of full tiles as in C2SP tlog-tiles. Every other node is
// computed when read from at most 2^(HEIGHT - 1) = 128 rows one tile level below it (entries for levels 1 to
// 7, level-8 nodes for 9 to 15, ...), so a proof still takes O(log n) indexed reads, while an append writes a
// node row for about one entry in 255 instead of one per entry. Checkpoints need no node (log_head's frontier).
final class LogTiles {

  static final int HEIGHT = 8;

  private LogTiles() {}

  // Whether an append keeps the node completed at this level.
  static boolean keeps(int level) {
    return level > 0 && level % HEIGHT == 0;
  }

  // The tile level a node at this level is computed from (0: the entries).
  static int base(int level) {
    return level - level % HEIGHT;
  }
}
