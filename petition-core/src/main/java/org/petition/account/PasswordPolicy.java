package org.petition.account;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.petition.account.internal.CommonPasswords;

/**
 * Decides whether a new password may be used, following NIST SP 800-63B: at least 8 characters, at most
 * 1024 (checked before anything else, so a 10 MB password costs nothing), and not one of the most common
 * passwords (the shipped list {@code common-passwords.txt} plus any words the host adds, such as the site's
 * name), compared case-insensitively after NFC. No composition rules. Characters are Unicode code points.
 * Immutable and thread-safe.
 */
public final class PasswordPolicy {

  /** The shortest password accepted unless configured otherwise. */
  public static final int MIN_LENGTH = 8;

  /** The longest password accepted unless configured otherwise, and the most any policy may accept. */
  public static final int MAX_LENGTH = 1024;

  /** Refusal code: shorter than the minimum. */
  public static final String TOO_SHORT = "password.too_short";

  /** Refusal code: longer than the maximum. */
  public static final String TOO_LONG = "password.too_long";

  /** Refusal code: a common password. */
  public static final String COMMON = "password.common";

  private static final PasswordVerdict ACCEPTED = new PasswordVerdict.Accepted();

  private final int minLength;
  private final int maxLength;
  private final Set<String> refused;

  private PasswordPolicy(int minLength, int maxLength, Set<String> refused) {
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.refused = refused;
  }

  /** 8 to 1024 characters, not in the shipped list of common passwords. */
  public static PasswordPolicy ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks a new password; the text is never kept or logged. */
  public PasswordVerdict check(CharSequence password) {
    Objects.requireNonNull(password, "password must not be null");
    // A password of more than 2 × max UTF-16 units has more than max code points: refuse before reading it.
    if (password.length() > 2 * maxLength || Character.codePointCount(password, 0, password.length()) > maxLength) {
      return new PasswordVerdict.Refused(TOO_LONG, "Use at most " + maxLength + " characters.");
    }
    String nfc = CommonPasswords.nfc(password);
    if (nfc.codePointCount(0, nfc.length()) < minLength) {
      return new PasswordVerdict.Refused(TOO_SHORT, "Use at least " + minLength + " characters.");
    }
    String key = CommonPasswords.fold(nfc);
    if (CommonPasswords.shipped().contains(key) || refused.contains(key)) {
      return new PasswordVerdict.Refused(COMMON, "This password is too common. Choose one that is harder to guess.");
    }
    return ACCEPTED;
  }

  /** The shortest password accepted, in characters. */
  public int minLength() {
    return minLength;
  }

  /** The longest password accepted, in characters. */
  public int maxLength() {
    return maxLength;
  }

  @Override
  public String toString() {
    return "PasswordPolicy[minLength=" + minLength + ", maxLength=" + maxLength + ", extraRefused=" + refused.size() + "]";
  }

  /** A builder of {@link PasswordPolicy}; every setter checks its argument. */
  public static final class Builder {
    private int minLength = MIN_LENGTH;
    private int maxLength = MAX_LENGTH;
    private final Set<String> refused = new HashSet<>();

    private Builder() {}

    /** The shortest password accepted: from 8 to 64 characters. */
    public Builder minLength(int minLength) {
      if (minLength < MIN_LENGTH || minLength > 64) {
        throw new IllegalArgumentException("minLength must be between " + MIN_LENGTH + " and 64, was: " + minLength);
      }
      this.minLength = minLength;
      return this;
    }

    /** The longest password accepted: from 64 (as NIST asks at least) to 1024 characters. */
    public Builder maxLength(int maxLength) {
      if (maxLength < 64 || maxLength > MAX_LENGTH) {
        throw new IllegalArgumentException("maxLength must be between 64 and " + MAX_LENGTH + ", was: " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /** Also refuses these passwords as common, such as the site's or the petition's name. */
    public Builder refuse(Collection<String> passwords) {
      Objects.requireNonNull(passwords, "passwords must not be null");
      for (String password : passwords) {
        Objects.requireNonNull(password, "passwords must not contain null");
        refused.add(CommonPasswords.key(password));
      }
      return this;
    }

    public PasswordPolicy build() {
      return new PasswordPolicy(minLength, maxLength, Set.copyOf(refused));
    }
  }
}
