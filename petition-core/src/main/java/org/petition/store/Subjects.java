package org.petition.store;

import java.util.Base64;

/** The consent ledger's subject for a signer: the base64url of their keyed email hash. */
public final class Subjects {

  private Subjects() {}

  /** The subject of the signer with this email key. */
  public static String of(byte[] emailKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(emailKey);
  }
}
