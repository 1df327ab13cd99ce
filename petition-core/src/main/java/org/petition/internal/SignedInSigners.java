package org.petition.internal;

import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.Nullable;
import org.petition.account.SignedInSigner;

/**
 * The one way to make a {@link SignedInSigner} outside its package, for the account service: the class hands
 * its constructor over when it is initialised (the JDK's "shared secrets" pattern), so it stays unforgeable
 * through the public API.
 */
public final class SignedInSigners {

  @FunctionalInterface
  public interface Factory {
    SignedInSigner create(long accountId, byte[] emailKey, boolean verified);
  }

  private static volatile @Nullable Factory factory;

  private SignedInSigners() {}

  public static void register(Factory made) {
    if (factory != null) {
      throw new IllegalStateException("the signed-in signer factory is registered once, by SignedInSigner");
    }
    factory = made;
  }

  static SignedInSigner create(long accountId, byte[] emailKey, boolean verified) {
    Factory current = factory;
    if (current == null) {
      try {
        MethodHandles.lookup().ensureInitialized(SignedInSigner.class);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("SignedInSigner could not be initialised", e);
      }
      current = java.util.Objects.requireNonNull(factory, "SignedInSigner registers its factory when initialised");
    }
    return current.create(accountId, emailKey, verified);
  }
}
