package org.petition.spring.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and refuses, with {@link BodyTooLargeException}, to hand out more than the
 * limit: a read never asks the stream beneath for more than one byte past the limit, so what a client can make
 * the server read is the limit plus one byte (plus whatever buffer the container fills beneath).
 */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    this.limit = limit;
  }

  /** The bytes read so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    checkRoom();
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    checkRoom();
    // One byte past the limit at most: enough to tell "exactly the limit" from "over it".
    int allowed = (int) Math.min(length, limit - count + 1);
    int read = in.read(buffer, offset, allowed);
    if (read > 0) {
      counted(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes are read bytes: through read(), so they count.
    long skipped = 0;
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
    while (skipped < n) {
      int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: a reset would let the same bytes be counted twice or not at all
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void checkRoom() throws BodyTooLargeException {
    if (count > limit) {
      throw new BodyTooLargeException(limit);
    }
  }

  private void counted(int read) throws BodyTooLargeException {
    count += read;
    if (count > limit) {
      throw new BodyTooLargeException(limit);
    }
  }

  /** A body longer than the limit: answered 413 {@code {"status":"TOO_LARGE"}}. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }
}
