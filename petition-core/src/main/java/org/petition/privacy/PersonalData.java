package org.petition.privacy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.internal.PersonalDataCodec;

/**
 * The personal data of one signer that is stored only sealed (see {@link PersonalDataCipher}), with a
 * compact binary encoding to seal. {@link #toString()} shows which fields are present, never their values.
 *
 * <p>Encoding, version 1: {@code [0x01]} then, for email, phoneE164, firstName, lastName,
 * organizationName and ip in that order, an unsigned LEB128 varint {@code n} followed by {@code n - 1}
 * UTF-8 bytes, {@code n = 0} meaning absent. Version 2 ({@code [0x02]}), written only when there is a letter,
 * adds the letter after ip in the same form.
 *
 * @param email the signer's email address
 * @param phoneE164 the phone in E.164 form
 * @param firstName a person's first name
 * @param lastName a person's last name
 * @param organizationName an organisation's name
 * @param ip the client address as kept: {@link org.petition.Petitions} stores only its /24 (IPv4) or /48
 *     (IPv6) network, the full address having served the rate limits
 * @param letter the signer's personal letter to the petition's target, sealed like the rest and delivered
 *     only in the target's export
 */
public record PersonalData(
    String email,
    @Nullable String phoneE164,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String organizationName,
    @Nullable String ip,
    @Nullable String letter) {

  public PersonalData {
    Objects.requireNonNull(email, "email must not be null");
  }

  /** Personal data without a letter. */
  public PersonalData(String email, @Nullable String phoneE164, @Nullable String firstName,
      @Nullable String lastName, @Nullable String organizationName, @Nullable String ip) {
    this(email, phoneE164, firstName, lastName, organizationName, ip, null);
  }

  /**
   * The binary encoding of this data.
   *
   * @throws IllegalArgumentException if a field is not well-formed Unicode (holds a lone surrogate)
   */
  public byte[] encode() {
    return PersonalDataCodec.encode(this);
  }

  /**
   * Seals this data with {@code cipher}: {@code cipher.seal(encode(), associatedData)}, without the
   * encoding as an array of its own (it is written to a per-thread buffer, zeroed after the seal).
   *
   * @throws IllegalArgumentException if a field is not well-formed Unicode (holds a lone surrogate)
   */
  public byte[] seal(PersonalDataCipher cipher, byte[] associatedData) {
    Objects.requireNonNull(cipher, "cipher must not be null");
    Objects.requireNonNull(associatedData, "associatedData must not be null");
    return PersonalDataCodec.seal(this, cipher, associatedData);
  }

  /**
   * Reads data written by {@link #encode()}. Sealed data that {@link PersonalDataCipher#open} accepted is
   * authentic, so bytes that do not decode are a programming error.
   *
   * @throws IllegalArgumentException if the bytes are not a valid encoding, naming what is wrong
   */
  public static PersonalData decode(byte[] encoded) {
    return PersonalDataCodec.decode(encoded);
  }

  @Override
  public String toString() {
    return "PersonalData[email=(redacted), phoneE164=" + shown(phoneE164) + ", firstName=" + shown(firstName)
        + ", lastName=" + shown(lastName) + ", organizationName=" + shown(organizationName) + ", ip="
        + shown(ip) + ", letter=" + shown(letter) + "]";
  }

  private static String shown(@Nullable String value) {
    return value == null ? "null" : "(redacted)";
  }
}
