package org.petition.check;

import java.util.List;

/**
 * A service-provider interface: one independent check of a signing.
 *
 * <p>A check only looks; it never writes to a store and never decides the verdict (the {@link
 * VerdictPolicy} does). Implementations must be thread-safe; they are called concurrently from every
 * signing thread and should return {@link List#of()} quickly when they have nothing to say.
 */
@FunctionalInterface
public interface SignatureCheck {

  /**
   * Examines one signing.
   *
   * @param input the normalised request with the signer's identity already derived
   * @return the findings, empty when the check has nothing to report; never {@code null}
   */
  List<Finding> check(CheckInput input);
}
