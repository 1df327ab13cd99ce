package org.petition.identity.internal;

import org.jspecify.annotations.Nullable;

/**
 * The ASCII lower-case domains already seen, found again from a region of an address without cutting it out:
 * most signers write at a few dozen providers, so their domain string is shared instead of made per signing.
 * A fixed table (no eviction, no lock): once full, new domains are simply made each time. Entries are
 * immutable strings, safe to publish through a race.
 */
public final class KnownDomains {

  private static final int SLOTS = 1024;
  private static final int PROBES = 4;

  private final String[] table = new String[SLOTS];

  /** The known domain equal to {@code text[from, text.length())}, or null. */
  public @Nullable String find(String text, int from) {
    int length = text.length() - from;
    int slot = slot(hash(text, from));
    for (int p = 0; p < PROBES; p++) {
      String known = table[(slot + p) & (SLOTS - 1)];
      if (known == null) {
        return null;
      }
      if (known.length() == length && text.regionMatches(from, known, 0, length)) {
        return known;
      }
    }
    return null;
  }

  /** Remembers {@code domain} (ASCII lower case) if there is room. */
  public void add(String domain) {
    int slot = slot(hash(domain, 0));
    for (int p = 0; p < PROBES; p++) {
      int at = (slot + p) & (SLOTS - 1);
      String known = table[at];
      if (known == null) {
        table[at] = domain;
        return;
      }
      if (known.equals(domain)) {
        return;
      }
    }
  }

  private static int hash(String text, int from) {
    int h = 0;
    for (int i = from; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
