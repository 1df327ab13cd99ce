package org.petition.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignerKind;

/** Builds {@link CheckInput}s for tests: a person signing from a browser, the form shown 20 s earlier. */
final class Inputs {

  static final Petition PETITION = Petition.builder("us-troops-out-of-korea")
      .title("60th Anniversary of U.S. Occupation of South Korea")
      .target("U.S. Government")
      .author("Concetta Wise")
      .category("Business and Companies")
      .goal(1000)
      .build();

  static final Instant RECEIVED = Instant.parse("2015-04-01T12:00:00Z");
  static final String BROWSER =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

  private SignerKind kind = SignerKind.PERSON;
  private @Nullable String firstName = "Jane";
  private @Nullable String lastName = "Doe";
  private @Nullable String organizationName;
  private @Nullable String nickname;
  private @Nullable String city;
  private @Nullable String affiliation;
  private @Nullable String comment;
  private @Nullable String country;
  private String email = "jane.doe@example.org";
  private @Nullable String userAgent = BROWSER;
  private Instant receivedAt = RECEIVED;
  private @Nullable Instant formRenderedAt = RECEIVED.minus(Duration.ofSeconds(20));
  private @Nullable String honeypot;

  static Inputs person(@Nullable String firstName, @Nullable String lastName) {
    Inputs inputs = new Inputs();
    inputs.firstName = firstName;
    inputs.lastName = lastName;
    return inputs;
  }

  static Inputs organization(String name) {
    Inputs inputs = new Inputs();
    inputs.kind = SignerKind.ORGANIZATION;
    inputs.firstName = null;
    inputs.lastName = null;
    inputs.organizationName = name;
    return inputs;
  }

  Inputs nickname(@Nullable String value) {
    nickname = value;
    return this;
  }

  Inputs city(@Nullable String value) {
    city = value;
    return this;
  }

  Inputs affiliation(@Nullable String value) {
    affiliation = value;
    return this;
  }

  Inputs comment(@Nullable String value) {
    comment = value;
    return this;
  }

  Inputs country(@Nullable String value) {
    country = value;
    return this;
  }

  Inputs email(String value) {
    email = value;
    return this;
  }

  Inputs userAgent(@Nullable String value) {
    userAgent = value;
    return this;
  }

  Inputs formRenderedAt(@Nullable Instant value) {
    formRenderedAt = value;
    return this;
  }

  Inputs honeypot(@Nullable String value) {
    honeypot = value;
    return this;
  }

  CheckInput build() {
    String canonical = email.toLowerCase(Locale.ROOT);
    String domain = canonical.substring(canonical.indexOf('@') + 1);
    String fullName = kind == SignerKind.ORGANIZATION
        ? String.valueOf(organizationName)
        : (String.valueOf(firstName) + " " + String.valueOf(lastName));
    try {
      return new CheckInput(
          PETITION, kind, nfc(firstName), nfc(lastName), nfc(organizationName), nfc(nickname), nfc(city),
          nfc(affiliation), nfc(comment), country == null ? null : country.toUpperCase(Locale.ROOT),
          canonical, domain, null, fullName.toLowerCase(Locale.ROOT),
          InetAddress.getByName("192.0.2.10"), userAgent, receivedAt, formRenderedAt, honeypot,
          fullName.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static @Nullable String nfc(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
  }
}
