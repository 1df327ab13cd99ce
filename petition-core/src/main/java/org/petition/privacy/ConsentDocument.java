package org.petition.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text a signer accepts (terms, privacy policy, data processing), identified by id and version and
 * pinned by the SHA-256 of the exact text shown, so a consent record proves what was agreed to.
 *
 * @param id a short stable id the form sends back, such as {@code terms}
 * @param version the version of the text, such as {@code 2025-01}
 * @param sha256 the lower-case hex SHA-256 of the exact UTF-8 text shown
 * @param purpose why the consent is asked
 * @param required whether signing is refused without it
 */
public record ConsentDocument(String id, String version, String sha256, ConsentPurpose purpose, boolean required) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ConsentDocument {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(version, "version must not be null");
    Objects.requireNonNull(sha256, "sha256 must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("consent document id must be 1-64 of [a-z0-9_-], was: " + id);
    }
    if (version.isBlank() || version.length() > 64) {
      throw new IllegalArgumentException("consent document version must be 1-64 characters");
    }
    if (!HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }

  /** A required document whose hash is computed from the exact text shown to signers. */
  public static ConsentDocument ofText(String id, String version, ConsentPurpose purpose, String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new ConsentDocument(id, version, sha256Hex(text), purpose, purpose.usuallyRequired());
  }

  /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
