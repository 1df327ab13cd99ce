package org.petition.privacy.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import org.petition.internal.Base64Url;

/**
 * A ledger subject as the in-memory ledger keeps it: the decoded bytes (48 bytes for a 32-byte key where
 * its base64url text took 88), or the text itself when it does not decode back to the same text.
 */
final class SubjectKeys {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private SubjectKeys() {}

  /** A byte[] or a String; equal subjects give equal keys (see {@link #same}). */
  static Object of(String subject) {
    if (!Base64Url.isCanonical(subject)) { // one spelling per key: see Base64Url
      return subject;
    }
    return Base64.getUrlDecoder().decode(subject);
  }

  static String text(Object key) {
    return key instanceof byte[] bytes ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) : (String) key;
  }

  static boolean same(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a.equals(b);
  }

  /**
   * A hash of a key. A key of 16 bytes or more is a keyed hash, its bytes uniformly spread: two of its longs
   * mixed do (bytes 8-15 and the last 8; the first 8 pick the chain, so within one their low bits agree).
   */
  static int hash(Object key) {
    if (key instanceof byte[] bytes) {
      if (bytes.length >= 16) {
        long mixed = (long) LONGS.get(bytes, 8) * 0x9E3779B97F4A7C15L ^ (long) LONGS.get(bytes, bytes.length - 8);
        return (int) (mixed ^ (mixed >>> 32));
      }
      return Arrays.hashCode(bytes);
    }
    return key.hashCode();
  }
}
