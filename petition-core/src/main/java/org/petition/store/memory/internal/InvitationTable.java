package org.petition.store.memory.internal;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongPredicate;

/**
 * The in-memory store's invitations: per petition the keyed hashes of the invited addresses and the ids of the
 * signatures that came through an invitation; the suppressed keys. Thread-safe.
 */
public final class InvitationTable {

  private final ConcurrentMap<String, Set<ByteBuffer>> invited = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<Long>> attributed = new ConcurrentHashMap<>();
  private final Set<ByteBuffer> suppressed = ConcurrentHashMap.newKeySet();

  public boolean record(String petition, byte[] emailKey) {
    return invited.computeIfAbsent(petition, p -> ConcurrentHashMap.newKeySet()).add(wrap(emailKey));
  }

  public void forget(String petition, byte[] emailKey) {
    Set<ByteBuffer> keys = invited.get(petition);
    if (keys != null) {
      keys.remove(wrap(emailKey));
    }
  }

  public void suppress(byte[] emailKey) {
    suppressed.add(wrap(emailKey));
  }

  public boolean suppressed(byte[] emailKey) {
    return suppressed.contains(wrap(emailKey));
  }

  public void attribute(String petition, long signatureId) {
    attributed.computeIfAbsent(petition, p -> ConcurrentHashMap.newKeySet()).add(signatureId);
  }

  public long sent(String petition) {
    Set<ByteBuffer> keys = invited.get(petition);
    return keys == null ? 0 : keys.size();
  }

  /** How many attributed signatures of the petition pass {@code counted}. */
  public long attributed(String petition, LongPredicate counted) {
    Set<Long> ids = attributed.get(petition);
    return ids == null ? 0 : ids.stream().filter(id -> counted.test(id)).count();
  }

  private static ByteBuffer wrap(byte[] key) {
    return ByteBuffer.wrap(key.clone());
  }
}
