package org.petition.internal;

/** UTF-8 into a caller's buffer, for the hot paths that hash or seal text without a new array per value. */
public final class Utf8 {

  private Utf8() {}

  /**
   * Writes {@code text} at {@code out[at]} as {@code text.getBytes(UTF_8)} would (a lone surrogate as {@code '?'});
   * returns the new end. {@code out} must have room for three bytes per char.
   */
  public static int write(String text, byte[] out, int at) {
    int o = at;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | (c >> 6));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        out[o++] = (byte) (0xF0 | (cp >> 18));
        out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        out[o++] = '?';
      } else {
        out[o++] = (byte) (0xE0 | (c >> 12));
        out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return o;
  }
}
