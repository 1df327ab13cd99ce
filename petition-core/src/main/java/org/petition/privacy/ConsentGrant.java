package org.petition.privacy;

import java.util.Objects;

/**
 * A consent a signer gave on the form, kept with the pending signature and written to the consent ledger
 * when the owner of the email confirms it.
 *
 * @param documentId the consent document's id
 * @param version the document's version
 * @param sha256 the SHA-256 of the exact text shown
 * @param purpose why it was asked
 */
public record ConsentGrant(String documentId, String version, String sha256, ConsentPurpose purpose) {

  public ConsentGrant {
    Objects.requireNonNull(documentId, "documentId must not be null");
    Objects.requireNonNull(version, "version must not be null");
    Objects.requireNonNull(sha256, "sha256 must not be null");
    Objects.requireNonNull(purpose, "purpose must not be null");
  }

  /** The grant of the given document. */
  public static ConsentGrant of(ConsentDocument document) {
    return new ConsentGrant(document.id(), document.version(), document.sha256(), document.purpose());
  }
}
