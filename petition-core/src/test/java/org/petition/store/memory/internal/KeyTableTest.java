package org.petition.store.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyTableTest {

  private record Key(long high, long low, int slot) {}

  @Test
  void behavesLikeAMapThroughGrowthAndDeletions() {
    KeyTable table = new KeyTable();
    Map<Key, Long> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    // Few distinct highs and lows so that probe runs collide and deletions shift entries.
    List<Long> values = List.of(0L, 1L, -1L, 42L, Long.MIN_VALUE, 0x5555L);
    for (long id = 1; id <= 200_000; id++) {
      Key key = random.nextInt(4) == 0
          ? new Key(values.get(random.nextInt(values.size())), random.nextInt(50), random.nextInt(3))
          : new Key(random.nextLong(), random.nextLong(), random.nextInt(64));
      switch (random.nextInt(3)) {
        case 0 -> {
          Long holder = expected.putIfAbsent(key, id);
          assertThat(table.putIfAbsent(key.high(), key.low(), key.slot(), id)).isEqualTo(holder == null ? 0 : holder);
        }
        case 1 -> {
          Long holder = expected.get(key);
          long claimed = holder == null || random.nextBoolean() ? id : holder;
          boolean removed = holder != null && holder == claimed;
          if (removed) {
            expected.remove(key);
          }
          assertThat(table.remove(key.high(), key.low(), key.slot(), claimed)).isEqualTo(removed);
        }
        default -> assertThat(table.get(key.high(), key.low(), key.slot())).isEqualTo(expected.getOrDefault(key, 0L));
      }
    }
    expected.forEach((key, id) -> assertThat(table.get(key.high(), key.low(), key.slot())).isEqualTo(id));
  }
}
