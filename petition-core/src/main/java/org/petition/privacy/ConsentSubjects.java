package org.petition.privacy;

import java.util.Base64;

/** The consent ledger's subject for a signer: the base64url of their keyed email hash. */
public final class ConsentSubjects {

  private ConsentSubjects() {}

  /** The subject of the signer with this email key. */
  public static String of(byte[] emailKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(emailKey);
  }
}
