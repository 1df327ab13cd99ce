package org.petition.store.memory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.petition.store.AccountStore;
import org.petition.store.StoredAccount;

/** A thread-safe {@link AccountStore} in memory, for tests, demos and single-instance use. */
public final class InMemoryAccountStore implements AccountStore {

  private final ConcurrentMap<ByteBuffer, Long> byEmail = new ConcurrentHashMap<>();
  private final ConcurrentMap<Long, StoredAccount> accounts = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public Optional<StoredAccount> create(StoredAccount account) {
    long id = ids.incrementAndGet();
    if (byEmail.putIfAbsent(ByteBuffer.wrap(account.emailKey().clone()), id) != null) {
      return Optional.empty();
    }
    StoredAccount stored = new StoredAccount(id, account.emailKey().clone(), account.sealedEmail(),
        account.passwordHash(), account.createdAt(), account.verifiedAt());
    accounts.put(id, stored);
    return Optional.of(stored);
  }

  @Override
  public Optional<StoredAccount> byEmailKey(byte[] emailKey) {
    Long id = byEmail.get(ByteBuffer.wrap(emailKey));
    return id == null ? Optional.empty() : Optional.ofNullable(accounts.get(id));
  }

  @Override
  public boolean delete(byte[] emailKey) {
    Long id = byEmail.remove(ByteBuffer.wrap(emailKey));
    return id != null && accounts.remove(id) != null;
  }

  @Override
  public Optional<StoredAccount> byId(long id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public boolean markVerified(long id, Instant at) {
    boolean[] changed = {false};
    accounts.computeIfPresent(id, (key, a) -> {
      if (a.verifiedAt() != null) {
        return a;
      }
      changed[0] = true;
      return new StoredAccount(a.id(), a.emailKey(), a.sealedEmail(), a.passwordHash(), a.createdAt(), at);
    });
    return changed[0];
  }

  @Override
  public boolean replacePasswordHash(long id, String expected, String replacement) {
    boolean[] replaced = {false};
    accounts.computeIfPresent(id, (key, a) -> {
      if (!a.passwordHash().equals(expected)) {
        return a;
      }
      replaced[0] = true;
      return new StoredAccount(a.id(), a.emailKey(), a.sealedEmail(), replacement, a.createdAt(), a.verifiedAt());
    });
    return replaced[0];
  }

  @Override
  public void updatePasswordHash(long id, String passwordHash) {
    accounts.computeIfPresent(id, (key, a) ->
        new StoredAccount(a.id(), a.emailKey(), a.sealedEmail(), passwordHash, a.createdAt(), a.verifiedAt()));
  }
}
