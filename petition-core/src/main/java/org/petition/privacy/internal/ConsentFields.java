package org.petition.privacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentRecord;

/**
 * What a valid consent-ledger draft holds, field by field: the checks of {@link ConsentRecord.Draft}'s
 * constructor, shared with the ledger's path that appends without building drafts. Hand-written scans
 * rather than regular expressions: every confirmation appends a draft per consent.
 */
public final class ConsentFields {

  /** The longest form id, truncated network or locale an evidence may hold. */
  public static final int MAX_EVIDENCE_LENGTH = 256;

  private ConsentFields() {}

  /** Unpadded base64url of 8 to 128 bytes: 11-171 characters, never 4k+1 of them (not base64). */
  public static boolean isSubject(String subject) {
    int n = subject.length();
    if (n < 11 || n > 171 || n % 4 == 1) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = subject.charAt(i);
      if (!(isLowerOrDigit(c) || (c >= 'A' && c <= 'Z') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Whether a subject encoding {@code length} key bytes is valid: {@link #isSubject} of its base64url. */
  public static boolean isSubjectKeyLength(int length) {
    return length >= 8 && length <= 128;
  }

  /** 1-64 of [a-z0-9-], not starting or ending with '-'. */
  public static boolean isSlug(String slug) {
    int n = slug.length();
    if (n < 1 || n > 64 || slug.charAt(0) == '-' || slug.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = slug.charAt(i);
      if (!(isLowerOrDigit(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** 1-64 of [a-z0-9_-], starting with [a-z0-9]. */
  public static boolean isDocumentId(String id) {
    int n = id.length();
    if (n < 1 || n > 64 || !isLowerOrDigit(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = id.charAt(i);
      if (!(isLowerOrDigit(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** 1-64 characters of well-formed text, not blank. */
  public static boolean isDocumentVersion(String version) {
    return !version.isBlank() && version.length() <= 64 && Bytes.wellFormed(version);
  }

  /** 64 lower-case hex digits. */
  public static boolean isSha256Hex(String hex) {
    if (hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Absent, or at most {@value #MAX_EVIDENCE_LENGTH} characters of well-formed text. */
  public static boolean isEvidenceText(@Nullable String value) {
    return value == null || (value.length() <= MAX_EVIDENCE_LENGTH && Bytes.wellFormed(value));
  }

  /** Whether every field of {@code evidence} passes the draft's checks. */
  public static boolean isValid(ConsentRecord.Evidence evidence) {
    String ua = evidence.userAgentSha256();
    return isEvidenceText(evidence.formId()) && isEvidenceText(evidence.truncatedIp())
        && isEvidenceText(evidence.locale()) && (ua == null || isSha256Hex(ua));
  }

  /**
   * The null checks of {@code ConsentLedger.appendGrants}, for its default and every implementation;
   * answers whether there is anything to append (a consent).
   */
  public static boolean checkGrantArguments(byte @Nullable [] emailKey, @Nullable String petition,
      @Nullable List<ConsentGrant> consents, @Nullable Instant at, ConsentRecord.@Nullable Evidence evidence) {
    Objects.requireNonNull(emailKey, "emailKey must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(consents, "consents must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(evidence, "evidence must not be null");
    return !consents.isEmpty();
  }

  private static boolean isLowerOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
