package org.petition.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.LimitStore;

/**
 * A {@link LimitStore} in this instance's memory, for limits that need one when none is shared: bounded (the
 * least recently used keys are forgotten first), and atomic through one lock, which is fine for the rare
 * updates it serves (invitations).
 */
public final class MemoryLimitStore implements LimitStore {

  private record State(long[] values, long expiresAt) {}

  private final Cache<String, State> states;
  // Keys name clients and signers: kept only as HMACs under a secret of this instance, as LimitStore asks.
  private final javax.crypto.spec.SecretKeySpec secret;

  public MemoryLimitStore(long maximumKeys, Clock clock) {
    this.states = Caffeine.newBuilder()
        .maximumSize(maximumKeys)
        .expireAfterWrite(Duration.ofDays(2))
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run) // no background work in a library
        .build();
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    this.secret = new javax.crypto.spec.SecretKeySpec(random, "HmacSHA256");
  }

  private String hashed(String key) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return java.util.Base64.getEncoder().encodeToString(
          mac.doFinal(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public synchronized <T> T update(List<String> keys, long now, Change<T> change) {
    List<long[]> read = new ArrayList<>(keys.size());
    for (String key : keys) {
      State state = states.getIfPresent(hashed(key));
      read.add(state == null || state.expiresAt <= now ? new long[0] : state.values.clone());
    }
    Outcome<T> outcome = change.apply(read);
    List<long @Nullable []> written = outcome.states();
    if (written != null) {
      for (int i = 0; i < keys.size(); i++) {
        long[] values = written.get(i);
        if (values != null) {
          states.put(hashed(keys.get(i)), new State(values.clone(), outcome.expiresAt()));
        }
      }
    }
    return outcome.answer();
  }
}
