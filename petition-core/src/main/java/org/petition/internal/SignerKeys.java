package org.petition.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.identity.IpAddresses;
import org.petition.identity.NameSkeleton;

/**
 * Who a signing is from, derived once: the canonical email and its domain, the full name's skeleton,
 * the keyed hashes that find the same signer again, and the network as stored (/24 or /48).
 */
public record SignerKeys(
    String canonicalEmail,
    String emailDomain,
    String nameSkeleton,
    byte[] emailKey,
    byte @Nullable [] phoneKey,
    byte[] nameKey,
    byte @Nullable [] networkKey,
    @Nullable String storedNetwork) {

  public static SignerKeys of(ValidSigning signing, EmailCanonicalizer canonicalizer, IdentityHasher identity) {
    String canonicalEmail = canonicalizer.canonicalize(signing.email());
    String skeleton = skeleton(signing);
    byte[] networkKey = null;
    String storedNetwork = null;
    if (signing.ip() != null) {
      networkKey = identity.networkKey(IpAddresses.network(signing.ip()));
      // The full address serves the checks; only its /24 (IPv4) or /48 (IPv6) is ever stored.
      storedNetwork = IpAddresses.truncateForStorage(signing.ip());
    }
    return new SignerKeys(canonicalEmail, canonicalizer.domainOf(signing.email()), skeleton,
        identity.emailKey(canonicalEmail),
        signing.phoneE164() == null ? null : identity.phoneKey(signing.phoneE164()),
        identity.nameKey(skeleton), networkKey, storedNetwork);
  }

  // The skeleton of the full name ("first last", or the organisation's name); both names without joining
  // them into a string first where NameSkeleton can.
  private static String skeleton(ValidSigning signing) {
    if (signing.kind() == SignerKind.ORGANIZATION) {
      return NameSkeleton.skeleton(Objects.requireNonNullElse(signing.organizationName(), ""));
    }
    String first = Objects.requireNonNullElse(signing.firstName(), "");
    return signing.lastName() == null ? NameSkeleton.skeleton(first) : NameSkeleton.skeleton(first, signing.lastName());
  }
}
