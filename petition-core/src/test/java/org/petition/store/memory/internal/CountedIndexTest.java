package org.petition.store.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.petition.SignerKind;

class CountedIndexTest {

  @Test
  void pagesNewestFirstByKindAcrossPagesAndGaps() {
    CountedIndex index = new CountedIndex();
    TreeMap<Long, Long> people = new TreeMap<>();
    TreeMap<Long, Long> organizations = new TreeMap<>();
    for (long number = 1; number <= 5_000; number++) {
      if (number % 7 == 0) {
        continue; // never counted
      }
      boolean organization = number % 1_000 == 3;
      index.put(number, number + 100, organization ? SignerKind.ORGANIZATION : SignerKind.PERSON);
      (organization ? organizations : people).put(number, number + 100);
    }
    for (long number = 10; number <= 600; number += 11) {
      index.remove(number);
      people.remove(number);
      organizations.remove(number);
    }

    assertThat(page(index, SignerKind.ORGANIZATION, Long.MAX_VALUE, 100)).isEqualTo(newest(organizations, Long.MAX_VALUE, 100));
    assertThat(page(index, SignerKind.PERSON, 4_000, 700)).isEqualTo(newest(people, 4_000, 700));
    TreeMap<Long, Long> all = new TreeMap<>(people);
    all.putAll(organizations);
    assertThat(page(index, null, 300, 1_000)).isEqualTo(newest(all, 300, 1_000));
    assertThat(page(index, null, 1, 10)).isEmpty();
  }

  private static List<Long> page(CountedIndex index, SignerKind kind, long before, int limit) {
    List<Long> ids = new ArrayList<>();
    index.descending(kind, before, id -> {
      ids.add(id);
      return ids.size() < limit;
    });
    return ids;
  }

  private static List<Long> newest(TreeMap<Long, Long> byNumber, long before, int limit) {
    return byNumber.headMap(before, false).descendingMap().values().stream().limit(limit).toList();
  }
}
