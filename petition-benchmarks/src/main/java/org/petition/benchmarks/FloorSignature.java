package org.petition.benchmarks;

/**
 * A signature of the floor: the email key and language tag of its signer, and whether it is confirmed.
 * Confirming replaces it by a confirmed copy, as the store replaces its record.
 */
record FloorSignature(byte[] emailKey, String locale, boolean confirmed) {
  /** What the prefilled, confirmed signatures hold: they are never read again. */
  static final FloorSignature PREFILLED = new FloorSignature(new byte[32], "en", true);

  FloorSignature confirm() {
    return new FloorSignature(emailKey, locale, true);
  }
}
