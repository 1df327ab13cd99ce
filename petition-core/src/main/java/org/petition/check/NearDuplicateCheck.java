package org.petition.check;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds a signing for review when a signature with a look-alike name (the same UTS #39 skeleton) from the
 * same city or network already exists: {@link FindingCodes#IDENTITY_NEAR_DUPLICATE}, {@link Severity#HIGH}.
 * Families share names, so this holds rather than refuses. Reads the store through a {@link Lookup}; never
 * writes it.
 */
public final class NearDuplicateCheck implements SignatureCheck {

  private static final List<Finding> FOUND = List.of(Finding.of(FindingCodes.IDENTITY_NEAR_DUPLICATE, Severity.HIGH,
      "firstName",
      "a signature with a look-alike name from the same city or network exists; families share names, so review"));

  /** The read-only question this check asks the store. */
  @FunctionalInterface
  public interface Lookup {
    /**
     * Whether a signature of this petition has this name key and the same city or the same network key;
     * never called with both {@code null}.
     *
     * @param city the signer's city, or {@code null}
     * @param networkKey the keyed hash of the signer's network, or {@code null}
     */
    boolean hasNearDuplicate(String petition, byte[] nameKey, @Nullable String city, byte @Nullable [] networkKey);
  }

  private final Lookup lookup;

  private NearDuplicateCheck(Lookup lookup) {
    this.lookup = lookup;
  }

  /** The check over this lookup, usually the store's. */
  public static NearDuplicateCheck over(Lookup lookup) {
    return new NearDuplicateCheck(Objects.requireNonNull(lookup, "lookup must not be null"));
  }

  @Override
  public List<Finding> check(CheckInput input) {
    if (input.city() == null && input.networkKey() == null) {
      return List.of(); // nothing to compare with: no need to ask the store
    }
    return lookup.hasNearDuplicate(input.petition().slug(), input.nameKey(), input.city(), input.networkKey())
        ? FOUND : List.of();
  }
}
