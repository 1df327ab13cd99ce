package org.petition.store.memory.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.petition.store.InvitationStore;

/**
 * The in-memory store's invitations: per petition the keyed hashes of the invited addresses (with when) and the
 * ids of the signatures that came through an invitation; the suppressed keys (with when); and per petition the
 * aggregates of what erasure and retention forgot, so that the counts stay. Thread-safe.
 */
public final class InvitationTable {

  private final ConcurrentMap<String, ConcurrentMap<ByteBuffer, Instant>> invited = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<Long>> attributed = new ConcurrentHashMap<>();
  private final ConcurrentMap<ByteBuffer, Instant> suppressed = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> forgottenSent = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> forgottenSignatures = new ConcurrentHashMap<>();

  public boolean record(String petition, byte[] emailKey, Instant at) {
    return invited.computeIfAbsent(petition, p -> new ConcurrentHashMap<>()).putIfAbsent(wrap(emailKey), at) == null;
  }

  public void forget(String petition, byte[] emailKey) {
    Map<ByteBuffer, Instant> keys = invited.get(petition);
    if (keys != null) {
      keys.remove(wrap(emailKey));
    }
  }

  public void suppress(byte[] emailKey, Instant at) {
    suppressed.putIfAbsent(wrap(emailKey), at);
  }

  public boolean suppressed(byte[] emailKey) {
    return suppressed.containsKey(wrap(emailKey));
  }

  public Optional<Instant> suppressedAt(byte[] emailKey) {
    return Optional.ofNullable(suppressed.get(wrap(emailKey)));
  }

  public void attribute(String petition, long signatureId) {
    attributed.computeIfAbsent(petition, p -> ConcurrentHashMap.newKeySet()).add(signatureId);
  }

  /** The signature was revoked or erased: nothing says any more that it came through an invitation. */
  public void unattribute(String petition, long signatureId) {
    Set<Long> ids = attributed.get(petition);
    if (ids != null) {
      ids.remove(signatureId);
    }
  }

  public long sent(String petition) {
    Map<ByteBuffer, Instant> keys = invited.get(petition);
    return (keys == null ? 0 : keys.size()) + tally(forgottenSent, petition);
  }

  /** How many attributed signatures of the petition pass {@code counted}, and those retention forgot. */
  public long attributed(String petition, LongPredicate counted) {
    Set<Long> ids = attributed.get(petition);
    return (ids == null ? 0 : ids.stream().filter(id -> counted.test(id)).count())
        + tally(forgottenSignatures, petition);
  }

  public List<InvitationStore.Invited> invitationsOf(byte[] emailKey) {
    ByteBuffer key = wrap(emailKey);
    List<InvitationStore.Invited> found = new ArrayList<>();
    invited.forEach((petition, keys) -> {
      Instant at = keys.get(key);
      if (at != null) {
        found.add(new InvitationStore.Invited(petition, at));
      }
    });
    found.sort(Comparator.comparing(InvitationStore.Invited::sentAt).thenComparing(InvitationStore.Invited::petition));
    return found;
  }

  /** Erasure: the key's invitations go, each petition's count of invitations sent stays. */
  public int forgetInvitee(byte[] emailKey) {
    ByteBuffer key = wrap(emailKey);
    int forgotten = 0;
    for (Map.Entry<String, ConcurrentMap<ByteBuffer, Instant>> petition : invited.entrySet()) {
      if (petition.getValue().remove(key) != null) {
        forgottenSent.computeIfAbsent(petition.getKey(), p -> new AtomicLong()).incrementAndGet();
        forgotten++;
      }
    }
    return forgotten;
  }

  /** Retention: the petition's invitations and attributions go, folded into its aggregates. */
  public int forgetPetition(String petition, LongPredicate counted) {
    int forgotten = 0;
    Map<ByteBuffer, Instant> keys = invited.remove(petition);
    if (keys != null && !keys.isEmpty()) {
      forgottenSent.computeIfAbsent(petition, p -> new AtomicLong()).addAndGet(keys.size());
      forgotten += keys.size();
    }
    Set<Long> ids = attributed.remove(petition);
    if (ids != null && !ids.isEmpty()) {
      long counting = ids.stream().filter(id -> counted.test(id)).count();
      forgottenSignatures.computeIfAbsent(petition, p -> new AtomicLong()).addAndGet(counting);
      forgotten += ids.size();
    }
    return forgotten;
  }

  private static long tally(ConcurrentMap<String, AtomicLong> tallies, String petition) {
    AtomicLong tally = tallies.get(petition);
    return tally == null ? 0 : tally.get();
  }

  private static ByteBuffer wrap(byte[] key) {
    return ByteBuffer.wrap(key.clone());
  }
}
