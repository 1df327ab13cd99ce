package org.petition.store.memory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.petition.store.KeyFingerprint;

/** The in-memory store's key fingerprints, by kind and id; the rules of KeyFingerprintStore. Thread-safe. */
public final class KeyFingerprintTable {

  private final Map<String, KeyFingerprint> bySlot = new LinkedHashMap<>();

  public synchronized List<KeyFingerprint> all() {
    return new ArrayList<>(bySlot.values());
  }

  public synchronized void record(List<KeyFingerprint> fingerprints) {
    for (KeyFingerprint fingerprint : fingerprints) {
      String slot = fingerprint.kind() + "/" + fingerprint.keyId();
      KeyFingerprint recorded = bySlot.get(slot);
      if (recorded == null) {
        bySlot.put(slot, fingerprint);
      } else if (fingerprint.sealed() && !recorded.sealed()) {
        bySlot.put(slot, new KeyFingerprint(recorded.kind(), recorded.keyId(), recorded.fingerprint(), true));
      }
    }
  }
}
