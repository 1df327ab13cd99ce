package org.petition.internal;

/**
 * The one rule for a petition's slug, shared by {@code Petition} (which refuses others) and the transparency
 * log (whose entries and signer commitments carry it): 1–64 of {@code [a-z0-9-]}, not starting or ending with
 * '-'. Checked without a regular expression: the log checks it on every change to a count.
 */
public final class Slugs {

  /** The longest slug. */
  public static final int MAX_LENGTH = 64;

  private Slugs() {}

  /** Whether {@code text} is a petition slug. */
  public static boolean isSlug(String text) {
    int length = text.length();
    if (length == 0 || length > MAX_LENGTH || text.charAt(0) == '-' || text.charAt(length - 1) == '-') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
