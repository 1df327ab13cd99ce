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
  // The last value given and its shared instance: callers that pass the same instance again and again (the
  // one list of grants every signer of a petition gives) skip hashing and comparing it element by element.
  private volatile @Nullable Memo<T> last;

  private record Memo<T>(T given, T shared) {}

  private final boolean memo;

  public Interner(int limit) {
    this(limit, false);
  }

  /** With {@code memo}, a value given again as the same instance is answered without hashing it. */
  public Interner(int limit, boolean memo) {
    this.limit = limit;
    this.memo = memo;
  }

  public @Nullable T internNullable(@Nullable T value) {
    return value == null ? null : intern(value);
  }

  public T intern(T value) {
    Memo<T> remembered = last;
    if (remembered != null && remembered.given == value) {
      return remembered.shared;
    }
    T shared = values.get(value);
    if (shared != null) {
      if (memo && shared != value) {
        last = new Memo<>(value, shared);
      }
      return shared;
    }
    if (values.size() >= limit) {
      return value;
    }
    shared = values.putIfAbsent(value, value);
    return shared == null ? value : shared;
  }
}
