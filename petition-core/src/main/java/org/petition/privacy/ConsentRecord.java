package org.petition.privacy;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.RequestContext;
import org.petition.privacy.internal.Bytes;
import org.petition.privacy.internal.ConsentFields;

/**
 * One entry of the append-only consent ledger: a subject granted or withdrew one consent for one
 * petition, pinned to the exact document text, and linked to the previous entry of its chain by hash so
 * that any later change, deletion or truncation shows. Build a {@link Draft} and let {@link ConsentChain}
 * or a {@link ConsentLedger} fill in the chain fields.
 *
 * <p>The constructor only refuses {@code null}: a record read back from a store is taken as it is, so that
 * {@link ConsentChain#verify} can report a tampered one instead of failing to load it. Drafts are checked
 * strictly.
 *
 * @param chain the chain the subject belongs to, see {@link ConsentChain#chainOf}
 * @param sequence the position in the chain, from 0, without gaps
 * @param subject the unpadded base64url keyed hash of the signer's canonical email, see {@link
 *     ConsentSubjects#of}
 * @param petition the petition slug
 * @param purpose why the consent was asked
 * @param documentId the id of the consent document
 * @param documentVersion the version of the consent document
 * @param documentSha256 the lower-case hex SHA-256 of the exact text shown
 * @param action granted or withdrawn
 * @param at when it happened
 * @param evidence how it happened
 * @param previousHash the hash of the previous record of the chain, {@link ConsentChain#GENESIS_HASH} for
 *     the first
 * @param hash the lower-case hex SHA-256 of the canonical encoding of every other field
 */
public record ConsentRecord(
    long chain,
    long sequence,
    String subject,
    String petition,
    ConsentPurpose purpose,
    String documentId,
    String documentVersion,
    String documentSha256,
    Action action,
    Instant at,
    Evidence evidence,
    String previousHash,
    String hash) {

  public ConsentRecord {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
    Objects.requireNonNull(documentId, "documentId must not be null");
    Objects.requireNonNull(documentVersion, "documentVersion must not be null");
    Objects.requireNonNull(documentSha256, "documentSha256 must not be null");
    Objects.requireNonNull(action, "action must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(evidence, "evidence must not be null");
    Objects.requireNonNull(previousHash, "previousHash must not be null");
    Objects.requireNonNull(hash, "hash must not be null");
  }

  /** The content of this record without its chain fields. */
  public Draft draft() {
    return new Draft(subject, petition, purpose, documentId, documentVersion, documentSha256, action, at, evidence);
  }

  /** Whether a consent was given or taken back. */
  public enum Action {
    GRANTED,
    WITHDRAWN
  }

  /**
   * How a consent was given, kept as proof without keeping personal data in the clear. Every field may be
   * absent.
   *
   * @param formId the id of the form used
   * @param truncatedIp the client address cut to its network, such as {@code 203.0.113.0/24}, see {@link
   *     Pseudonyms#truncateIp}
   * @param userAgentSha256 the lower-case hex SHA-256 of the User-Agent, see {@link Pseudonyms#userAgentHash}
   * @param locale the BCP 47 language tag of the form's language
   */
  public record Evidence(
      @Nullable String formId,
      @Nullable String truncatedIp,
      @Nullable String userAgentSha256,
      @Nullable String locale) {

    private static final Evidence NONE = new Evidence(null, null, null, null);

    // Written out rather than generated: stores intern an evidence on every confirmation, and the record's
    // generated methods go through method handles. The same value semantics.
    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Evidence that && Objects.equals(formId, that.formId)
          && Objects.equals(truncatedIp, that.truncatedIp) && Objects.equals(userAgentSha256, that.userAgentSha256)
          && Objects.equals(locale, that.locale);
    }

    @Override
    public int hashCode() {
      return ((Objects.hashCode(formId) * 31 + Objects.hashCode(truncatedIp)) * 31 + Objects.hashCode(userAgentSha256))
          * 31 + Objects.hashCode(locale);
    }

    /** Evidence that knows nothing. */
    public static Evidence none() {
      return NONE;
    }

    /**
     * The evidence of a request: its form id, its address truncated, its User-Agent hashed and its locale's
     * language tag. A lone surrogate in the form id is replaced by U+FFFD so the result is always valid.
     */
    public static Evidence of(RequestContext context) {
      Objects.requireNonNull(context, "context must not be null");
      String formId = context.formId();
      if (formId != null && !Bytes.wellFormed(formId)) {
        formId = replaceLoneSurrogates(formId);
      }
      if (formId != null && formId.length() > Draft.MAX_EVIDENCE_LENGTH) {
        formId = formId.substring(0, Draft.MAX_EVIDENCE_LENGTH);
        if (Character.isHighSurrogate(formId.charAt(formId.length() - 1))) {
          formId = formId.substring(0, formId.length() - 1);
        }
      }
      Locale locale = context.locale();
      return new Evidence(
          formId,
          Pseudonyms.truncateIp(context.ip()),
          Pseudonyms.userAgentHash(context.userAgent()),
          locale == null ? null : locale.toLanguageTag());
    }

    private static String replaceLoneSurrogates(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(cp -> out.appendCodePoint(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp));
      return out.toString();
    }
  }

  /**
   * What a caller asks the ledger to record; the chain fields are filled in when it is linked. Checked
   * strictly: a draft that is not valid is a programming error.
   *
   * @param subject the unpadded base64url keyed hash of the signer's canonical email (at least 8 bytes)
   * @param petition the petition slug
   * @param purpose why the consent was asked
   * @param documentId the id of the consent document
   * @param documentVersion the version of the consent document
   * @param documentSha256 the lower-case hex SHA-256 of the exact text shown
   * @param action granted or withdrawn
   * @param at when it happened
   * @param evidence how it happened
   */
  public record Draft(
      String subject,
      String petition,
      ConsentPurpose purpose,
      String documentId,
      String documentVersion,
      String documentSha256,
      Action action,
      Instant at,
      Evidence evidence) {

    static final int MAX_EVIDENCE_LENGTH = ConsentFields.MAX_EVIDENCE_LENGTH;

    public Draft {
      Objects.requireNonNull(subject, "subject must not be null");
      Objects.requireNonNull(petition, "petition must not be null");
      Objects.requireNonNull(purpose, "purpose must not be null");
      Objects.requireNonNull(documentId, "documentId must not be null");
      Objects.requireNonNull(documentVersion, "documentVersion must not be null");
      Objects.requireNonNull(documentSha256, "documentSha256 must not be null");
      Objects.requireNonNull(action, "action must not be null");
      Objects.requireNonNull(at, "at must not be null");
      Objects.requireNonNull(evidence, "evidence must not be null");
      if (!ConsentFields.isSubject(subject)) {
        throw new IllegalArgumentException(
            "subject must be the unpadded base64url encoding of a keyed hash of 8 to 128 bytes");
      }
      if (!ConsentFields.isSlug(petition)) {
        throw new IllegalArgumentException("petition must be a petition slug, 1-64 of [a-z0-9-], was: " + petition);
      }
      if (!ConsentFields.isDocumentId(documentId)) {
        throw new IllegalArgumentException("documentId must be 1-64 of [a-z0-9_-], was: " + documentId);
      }
      if (!ConsentFields.isDocumentVersion(documentVersion)) {
        throw new IllegalArgumentException("documentVersion must be 1-64 characters of well-formed text");
      }
      if (!ConsentFields.isSha256Hex(documentSha256)) {
        throw new IllegalArgumentException("documentSha256 must be 64 lower-case hex digits");
      }
      checkEvidence("evidence.formId", evidence.formId());
      checkEvidence("evidence.truncatedIp", evidence.truncatedIp());
      checkEvidence("evidence.locale", evidence.locale());
      String ua = evidence.userAgentSha256();
      if (ua != null && !ConsentFields.isSha256Hex(ua)) {
        throw new IllegalArgumentException("evidence.userAgentSha256 must be 64 lower-case hex digits");
      }
    }

    /** A grant of {@code document} for {@code petition}. */
    public static Draft grant(String subject, String petition, ConsentDocument document, Instant at, Evidence evidence) {
      Objects.requireNonNull(document, "document must not be null");
      return new Draft(
          subject, petition, document.purpose(), document.id(), document.version(), document.sha256(),
          Action.GRANTED, at, evidence);
    }

    private static void checkEvidence(String name, @Nullable String value) {
      if (!ConsentFields.isEvidenceText(value)) {
        throw new IllegalArgumentException(
            name + " must be at most " + MAX_EVIDENCE_LENGTH + " characters of well-formed text");
      }
    }
  }
}
