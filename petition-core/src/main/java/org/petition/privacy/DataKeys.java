package org.petition.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A key ring for {@link PersonalDataCipher}: every key that may have sealed stored data, oldest first; the
 * last one is current and seals new data. To rotate, append a new key, re-seal what {@link
 * PersonalDataCipher#needsRotation} reports, then drop the old key. Immutable.
 */
public final class DataKeys {

  private final List<DataKey> keys;

  private DataKeys(List<DataKey> keys) {
    this.keys = keys;
  }

  /**
   * A ring of the given keys, oldest first; the last is current.
   *
   * @throws IllegalArgumentException if the list is empty or two keys share an id
   */
  public static DataKeys of(List<DataKey> keys) {
    Objects.requireNonNull(keys, "data keys must not be null");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("data keys must hold at least one key");
    }
    List<DataKey> copy = new ArrayList<>(keys.size());
    Set<String> ids = new HashSet<>();
    for (DataKey key : keys) {
      Objects.requireNonNull(key, "data keys must not contain null");
      if (!ids.add(key.id())) {
        throw new IllegalArgumentException("data key ids must be unique, found " + key.id() + " twice");
      }
      copy.add(key);
    }
    return new DataKeys(List.copyOf(copy));
  }

  /** A ring of the given keys, oldest first; the last is current. */
  public static DataKeys of(DataKey... keys) {
    Objects.requireNonNull(keys, "data keys must not be null");
    return of(List.of(keys));
  }

  /** The key that seals new data: the last. */
  public DataKey current() {
    return keys.get(keys.size() - 1);
  }

  /** The key with the given id, if the ring has it. */
  public Optional<DataKey> find(String id) {
    Objects.requireNonNull(id, "id must not be null");
    for (DataKey key : keys) {
      if (key.id().equals(id)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Every key, oldest first. */
  public List<DataKey> keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "DataKeys" + keys.stream().map(DataKey::id).toList();
  }
}
