package org.petition.privacy;

/**
 * How a signer's name is shown in public lists. A clean nickname replaces the name under every policy
 * except {@link #ANONYMOUS}; organisations are always shown by their name.
 */
public enum DisplayNamePolicy {
  /** The name as given: "Frank Castellano". */
  FULL,
  /** "Frank C."; for family-name-first scripts the given name is masked: "김○○". */
  FIRST_NAME_LAST_INITIAL,
  /** "F. C."; for family-name-first scripts, the family name and a mask: "김○○". */
  INITIALS,
  /** "Signer #276". */
  ANONYMOUS
}
