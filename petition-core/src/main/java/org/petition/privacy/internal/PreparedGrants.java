package org.petition.privacy.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentRecord;

/**
 * The grants of a list of consents for one petition, checked and encoded once: for each consent the
 * shared {@link ConsentTerms} its records keep and the encoded terms its records' hashes cover (see
 * {@link ConsentEncoding#encodeTerms}). Immutable.
 */
final class PreparedGrants {

  final String petition;
  // An immutable copy of the list prepared from (the list itself when it is immutable already).
  final List<ConsentGrant> consents;
  private final ConsentTerms[] terms;
  private final byte[][] encoded;

  private PreparedGrants(String petition, List<ConsentGrant> consents, ConsentTerms[] terms, byte[][] encoded) {
    this.petition = petition;
    this.consents = consents;
    this.terms = terms;
    this.encoded = encoded;
  }

  /**
   * The grants of {@code consents} for {@code petition}, or null if a draft of one of them would be
   * refused (the petition is not a slug, or a document id, version or SHA-256 is not valid).
   */
  static @Nullable PreparedGrants of(String petition, List<ConsentGrant> consents) {
    if (!ConsentFields.isSlug(petition)) {
      return null;
    }
    ConsentTerms[] terms = new ConsentTerms[consents.size()];
    byte[][] encoded = new byte[terms.length][];
    for (int i = 0; i < terms.length; i++) {
      ConsentGrant grant = consents.get(i);
      if (!ConsentFields.isDocumentId(grant.documentId()) || !ConsentFields.isDocumentVersion(grant.version())
          || !ConsentFields.isSha256Hex(grant.sha256())) {
        return null;
      }
      terms[i] = new ConsentTerms(petition, grant.purpose(), grant.documentId(), grant.version(), grant.sha256(),
          ConsentRecord.Action.GRANTED);
      encoded[i] = ConsentEncoding.encodeTerms(petition, grant.purpose(), grant.documentId(), grant.version(),
          grant.sha256(), ConsentRecord.Action.GRANTED);
    }
    return new PreparedGrants(petition, List.copyOf(consents), terms, encoded);
  }

  int size() {
    return terms.length;
  }

  ConsentTerms terms(int index) {
    return terms[index];
  }

  byte[] encoded(int index) {
    return encoded[index];
  }
}
