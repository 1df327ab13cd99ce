package org.petition.store.memory.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Shares one instance per distinct value (countries, locales, domains, display names...), so millions of
 * stored signatures do not each keep their own copy. Bounded: past {@code limit} distinct values new ones
 * are kept as given, so adversarial input costs no more than not interning.
 */
public final class Interner<T> {

  private final ConcurrentMap<T, T> values = new ConcurrentHashMap<>();
  private final int limit;

  public Interner(int limit) {
    this.limit = limit;
  }

  public @Nullable T internNullable(@Nullable T value) {
    return value == null ? null : intern(value);
  }

  public T intern(T value) {
    T shared = values.get(value);
    if (shared != null) {
      return shared;
    }
    if (values.size() >= limit) {
      return value;
    }
    shared = values.putIfAbsent(value, value);
    return shared == null ? value : shared;
  }
}
