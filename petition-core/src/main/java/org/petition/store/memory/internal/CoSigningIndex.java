package org.petition.store.memory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.petition.store.CoSigningStore.CoSigned;

/**
 * "Signers also signed" in memory: each signer's counted signatures by petition, and a counter per ordered
 * pair of petitions of the distinct signers counting on both. A signer's entry is changed under the map's
 * lock for that signer, so two confirmations of one signer never miss each other's pair; the pair counters
 * are striped adders. A signer is known by the first 16 bytes of the email key, as the store's unique index
 * knows them; most signers count on one petition, and their entry is then one small object (about 80 bytes
 * with the map's node, where a map of sets spent about 450), made with no copy of the key.
 */
public final class CoSigningIndex {

  // Per signer: a One, or a Map<String, Set<Long>> of their counted signatures by petition once there are two.
  private final ConcurrentHashMap<SignerKey, Object> signers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> pairs = new ConcurrentHashMap<>();

  /** The signature {@code id} of {@code emailKey} on {@code petition} now counts. */
  public void counted(byte[] emailKey, String petition, long id) {
    if (emailKey.length == 0) {
      return;
    }
    signers.compute(SignerKey.of(emailKey), (key, entry) -> {
      if (entry == null) {
        return new One(petition, id);
      }
      Map<String, Set<Long>> mine = entry instanceof One one ? one.expand() : petitionsOf(entry);
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
    signers.computeIfPresent(SignerKey.of(emailKey), (key, entry) -> {
      if (entry instanceof One one) {
        // One petition only: no pair to change.
        return one.petition.equals(petition) && one.id == id ? null : one;
      }
      Map<String, Set<Long>> mine = petitionsOf(entry);
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

  @SuppressWarnings("unchecked")
  private static Map<String, Set<Long>> petitionsOf(Object entry) {
    return (Map<String, Set<Long>>) entry;
  }

  /** A signer counting on one petition, by one signature. */
  private record One(String petition, long id) {
    Map<String, Set<Long>> expand() {
      Map<String, Set<Long>> petitions = new HashMap<>(4);
      Set<Long> ids = new HashSet<>(2);
      ids.add(id);
      petitions.put(petition, ids);
      return petitions;
    }
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

  // An email key as a map key: its first 16 bytes (a keyed hash's), as the store's unique index keys it.
  private record SignerKey(long high, long low) {
    static SignerKey of(byte[] emailKey) {
      return new SignerKey(PetitionIndexes.prefix(emailKey, 0), PetitionIndexes.prefix(emailKey, 8));
    }

    @Override
    public int hashCode() {
      return Long.hashCode(high * 31 + low);
    }

    @Override
    public String toString() {
      return "SignerKey[redacted]";
    }
  }
}
