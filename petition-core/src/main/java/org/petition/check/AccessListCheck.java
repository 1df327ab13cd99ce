package org.petition.check;

import java.util.List;
import java.util.Objects;

/**
 * Refuses signings from block-listed sources: {@code access.blocked}, {@link Severity#CRITICAL}, marked
 * as fraud, so in silent mode the signer is answered as if the signing had been accepted. Reports nothing
 * for other signings (allow-listing is for the checks that consult the same {@link AccessLists}).
 * Immutable and thread-safe.
 */
public final class AccessListCheck implements SignatureCheck {

  /** The code of the finding for a blocked source. */
  public static final String BLOCKED = FindingCodes.ACCESS_BLOCKED;

  // Findings are immutable, so the few possible answers are made once.
  private static final List<Finding> BLOCKED_ADDRESS = List.of(Finding.fraud(BLOCKED, Severity.CRITICAL, "request",
      "this IP address or its network is block-listed"));
  private static final List<Finding> BLOCKED_DOMAIN = List.of(Finding.fraud(BLOCKED, Severity.CRITICAL, "email",
      "this address's domain is block-listed"));
  private static final List<Finding> BLOCKED_EMAIL = List.of(Finding.fraud(BLOCKED, Severity.CRITICAL, "email",
      "this email address is block-listed"));

  private final AccessLists lists;

  private AccessListCheck(AccessLists lists) {
    this.lists = lists;
  }

  /** A check refusing what the lists block. */
  public static AccessListCheck of(AccessLists lists) {
    return new AccessListCheck(Objects.requireNonNull(lists, "access lists must not be null"));
  }

  /** The lists this check consults. */
  public AccessLists lists() {
    return lists;
  }

  @Override
  public List<Finding> check(CheckInput input) {
    AccessLists.Match match = lists.blockedBy(input);
    if (match == null) {
      return List.of();
    }
    return switch (match) {
      case ADDRESS -> BLOCKED_ADDRESS;
      case DOMAIN -> BLOCKED_DOMAIN;
      case EMAIL -> BLOCKED_EMAIL;
    };
  }
}
