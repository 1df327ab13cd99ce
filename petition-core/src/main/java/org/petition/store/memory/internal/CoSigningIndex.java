package org.petition.store.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.petition.store.CoSigningStore.CoSigned;

/**
 * "Signers also signed" in memory: each signer's counted signatures by petition, and a counter per ordered
 * pair of petitions of the distinct signers counting on both. A signer's entry is changed under the map's
 * lock for that signer, so two confirmations of one signer never miss each other's pair; the pair counters
 * are striped adders.
 */
public final class CoSigningIndex {

  private final ConcurrentHashMap<SignerKey, Map<String, Set<Long>>> signers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> pairs = new ConcurrentHashMap<>();

  /** The signature {@code id} of {@code emailKey} on {@code petition} now counts. */
  public void counted(byte[] emailKey, String petition, long id) {
    if (emailKey.length == 0) {
      return;
    }
    signers.compute(new SignerKey(emailKey.clone()), (key, petitions) -> {
      Map<String, Set<Long>> mine = petitions == null ? new HashMap<>(4) : petitions;
      Set<Long> ids = mine.computeIfAbsent(petition, p -> new HashSet<>(2));
      if (ids.isEmpty()) {
        mine.keySet().forEach(other -> move(petition, other, 1));
      }
      ids.add(id);
      return mine;
    });
  }

  /** The signature {@code id} stopped counting (revoked, removed, erased): its pairs lose this signer. */
  public void uncounted(byte[] emailKey, String petition, long id) {
    drop(emailKey, petition, id, true);
  }

  /** Retention took the signature's email key: the link goes, the pairs (aggregates of no one) stay. */
  public void forget(byte[] emailKey, String petition, long id) {
    drop(emailKey, petition, id, false);
  }

  private void drop(byte[] emailKey, String petition, long id, boolean pairsToo) {
    if (emailKey.length == 0) {
      return;
    }
    signers.computeIfPresent(new SignerKey(emailKey), (key, mine) -> {
      Set<Long> ids = mine.get(petition);
      if (ids == null || !ids.remove(id)) {
        return mine;
      }
      if (ids.isEmpty()) {
        mine.remove(petition);
        if (pairsToo) {
          mine.keySet().forEach(other -> move(petition, other, -1));
        }
      }
      return mine.isEmpty() ? null : mine;
    });
  }

  private void move(String petition, String other, int delta) {
    if (petition.equals(other)) {
      return;
    }
    counter(petition, other).add(delta);
    counter(other, petition).add(delta);
  }

  private LongAdder counter(String petition, String other) {
    return pairs.computeIfAbsent(petition, p -> new ConcurrentHashMap<>())
        .computeIfAbsent(other, o -> new LongAdder());
  }

  /** The petitions sharing at least {@code minSigners} signers with {@code petition}, most first. */
  public List<CoSigned> coSigned(String petition, long minSigners, int limit) {
    Map<String, LongAdder> others = pairs.get(petition);
    if (others == null || limit <= 0) {
      return List.of();
    }
    List<CoSigned> found = new ArrayList<>();
    others.forEach((other, count) -> {
      long signers = count.sum();
      if (signers >= minSigners && signers > 0) {
        found.add(new CoSigned(other, signers));
      }
    });
    found.sort(Comparator.comparingLong(CoSigned::signers).reversed().thenComparing(CoSigned::petition));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  // An email key as a map key: compared by content.
  private record SignerKey(byte[] bytes) {
    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof SignerKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "SignerKey[redacted]";
    }
  }
}
