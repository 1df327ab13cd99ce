package org.petition.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names of the per-petition number sequences: {@code petition_number_<slug with '-' as '_'>}. */
public final class SequenceNames {

  /** PostgreSQL silently truncates longer identifiers, which could make two petitions share a sequence. */
  static final int MAX_IDENTIFIER = 63;
  private static final String PREFIX = "petition_number_";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

  private SequenceNames() {}

  /**
   * The sequence of a petition. Slugs are {@code [a-z0-9-]} and never contain '_', so the plain mapping is
   * one to one; a slug too long for a 63-character identifier keeps its first 30 characters and adds 16 hex
   * digits of its SHA-256.
   */
  public static String of(String slug) {
    if (!SLUG.matcher(slug).matches()) {
      // Guards the string concatenated into DDL: only [a-z0-9_] can reach it.
      throw new IllegalArgumentException("not a petition slug: must be 1-64 of [a-z0-9-]");
    }
    String plain = PREFIX + slug.replace('-', '_');
    if (plain.length() <= MAX_IDENTIFIER) {
      return plain;
    }
    String hash = HexFormat.of().formatHex(sha256(slug)).substring(0, 16);
    return PREFIX + slug.substring(0, 30).replace('-', '_') + "_" + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
