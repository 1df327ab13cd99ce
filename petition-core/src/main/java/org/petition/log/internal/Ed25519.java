package org.petition.log.internal;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 (RFC 8032, pure) through Bouncy Castle's lightweight API. */
public final class Ed25519 {

  /** The length of a seed (the private key) in bytes. */
  public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
  /** The length of a public key in bytes. */
  public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
  /** The length of a signature in bytes. */
  public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

  private Ed25519() {}

  /** The private key of a 32-byte seed. */
  public static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 seed is " + SEED_LENGTH + " bytes, was " + seed.length);
    }
    return new Ed25519PrivateKeyParameters(seed, 0);
  }

  /** The 32-byte public key of a private key. */
  public static byte[] publicKey(Ed25519PrivateKeyParameters key) {
    return key.generatePublicKey().getEncoded();
  }

  /** The 64-byte signature of {@code message}. */
  public static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** Whether {@code signature} is the signature of {@code message} under the 32-byte {@code publicKey}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    Ed25519PublicKeyParameters key;
    try {
      key = new Ed25519PublicKeyParameters(publicKey, 0);
    } catch (IllegalArgumentException e) {
      return false; // not a point on the curve
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}
