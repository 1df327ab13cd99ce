package org.petition.privacy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.check.CheckInput;
import org.petition.privacy.internal.DisplayNameRules;

/**
 * Turns a signer's names into the name shown in public lists, under a {@link DisplayNamePolicy}, with one
 * rule per script: given-name-first scripts (Latin, Cyrillic, Greek, Arabic, Hebrew and others) show
 * initials in their own script ("Frank C.", "Иван П.", "محمد ع."); Hangul, Chinese and Japanese names
 * show the family name and mask each character of the given name ("김○○"). {@code docs/DISPLAY-NAMES.md}
 * gives every rule with examples. Implementations are immutable and thread-safe.
 */
public interface DisplayNames {

  /**
   * The public name of one signer.
   *
   * <ul>
   *   <li>{@link DisplayNamePolicy#ANONYMOUS}: the anonymous label, such as "Signer #276", whatever else is
   *       given;
   *   <li>an organisation: its name under every other policy, then its nickname, then the anonymous
   *       label;
   *   <li>a person with a nickname (already checked clean by the caller): the nickname;
   *   <li>otherwise the person's names under the policy and the rule of their script, or the anonymous
   *       label when no name is given.
   * </ul>
   *
   * <p>Names are taken NFC-normalised, trimmed, with runs of white space collapsed. Initials are whole
   * grapheme clusters (never half a surrogate pair or a letter without its combining marks), upper-cased
   * by the locale-independent rule.
   *
   * @param number the signer's public number, shown by the anonymous label; not negative
   */
  String displayName(
      DisplayNamePolicy policy,
      SignerKind kind,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String organizationName,
      @Nullable String nickname,
      long number);

  /** The public name of a checked signing; see {@link #displayName(DisplayNamePolicy, SignerKind, String, String, String, String, long)}. */
  default String displayName(DisplayNamePolicy policy, CheckInput input, long number) {
    Objects.requireNonNull(input, "input must not be null");
    return displayName(
        policy, input.kind(), input.firstName(), input.lastName(), input.organizationName(), input.nickname(),
        number);
  }

  /** The rules with the English anonymous label "Signer #" followed by the number. */
  static DisplayNames ofDefaults() {
    return DisplayNameRules.of("Signer #");
  }

  /**
   * The rules with another anonymous label, shown followed by the number, such as {@code "Unterzeichner*in
   * Nr. "}.
   */
  static DisplayNames of(String anonymousLabel) {
    return DisplayNameRules.of(anonymousLabel);
  }
}
