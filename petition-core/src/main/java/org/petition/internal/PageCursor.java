package org.petition.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** The opaque keyset cursor of {@link SignaturePage}: the number of the last signature shown. */
public final class PageCursor {

  private PageCursor() {}

  public static String encode(long number) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(8).putLong(number).array());
  }

  /** The number to list before; {@link Long#MAX_VALUE} for a null cursor (the first page). */
  public static long decode(@Nullable String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return Long.MAX_VALUE;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      if (bytes.length == 8) {
        long number = ByteBuffer.wrap(bytes).getLong();
        if (number > 0) {
          return number;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("cursor is malformed: use the 'next' value of the previous page");
  }
}
