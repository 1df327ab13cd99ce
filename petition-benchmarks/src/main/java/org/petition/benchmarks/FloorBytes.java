package org.petition.benchmarks;

/** Byte helpers of the floors: big-endian numbers (UTF-8 is the library's own {@code internal.Utf8}). */
final class FloorBytes {

  private FloorBytes() {}

  static void putLong(byte[] bytes, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static void putInt(byte[] bytes, int offset, int value) {
    for (int i = 3; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static long getLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xff);
    }
    return value;
  }
}
