package org.petition.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentPurpose;

/**
 * Builds realistic {@link NewSignature}s for store tests: keys are HMAC-SHA256 of the clear values under a
 * test key, and the sealed personal data is real AES-256-GCM ciphertext of the email, phone, name and IP.
 */
public final class TestSignatures {

  private static final byte[] HMAC_KEY = "petition-test-hmac-key-32-bytes!".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AES_KEY = "petition-test-aes-key-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fixed instant, whole seconds, so every store keeps it exactly. */
  public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final String petition;
  private SignerKind kind = SignerKind.PERSON;
  private String email;
  private int slot;
  private @Nullable String phone;
  private String firstName = "Frank";
  private String lastName = "Castellano";
  private String ip = "203.0.113.45";
  private @Nullable String displayName = "Frank C.";
  private @Nullable String comment = "Because it matters.";
  private @Nullable String city = "Springfield";
  private @Nullable String country = "US";
  private boolean held;
  private Instant signedAt = T0;
  private final List<Finding> findings = new ArrayList<>();

  private TestSignatures(String petition, String email) {
    this.petition = petition;
    this.email = email;
  }

  /** A person's signature on {@code petition} with this email. */
  public static TestSignatures on(String petition, String email) {
    return new TestSignatures(petition, email);
  }

  public TestSignatures kind(SignerKind kind) {
    this.kind = Objects.requireNonNull(kind);
    return this;
  }

  public TestSignatures slot(int slot) {
    this.slot = slot;
    return this;
  }

  public TestSignatures phone(@Nullable String phone) {
    this.phone = phone;
    return this;
  }

  public TestSignatures name(String first, String last) {
    this.firstName = first;
    this.lastName = last;
    this.displayName = first + " " + last.charAt(0) + ".";
    return this;
  }

  public TestSignatures displayName(@Nullable String displayName) {
    this.displayName = displayName;
    return this;
  }

  public TestSignatures comment(@Nullable String comment) {
    this.comment = comment;
    return this;
  }

  public TestSignatures city(@Nullable String city) {
    this.city = city;
    return this;
  }

  public TestSignatures ip(String ip) {
    this.ip = ip;
    return this;
  }

  public TestSignatures country(@Nullable String country) {
    this.country = country;
    return this;
  }

  public TestSignatures held(boolean held) {
    this.held = held;
    if (held && findings.isEmpty()) {
      findings.add(Finding.of("content.link", Severity.HIGH, "comment", "The comment links to a site."));
    }
    return this;
  }

  public TestSignatures signedAt(Instant signedAt) {
    this.signedAt = signedAt;
    return this;
  }

  public TestSignatures finding(Finding finding) {
    findings.add(finding);
    return this;
  }

  public NewSignature build() {
    String network = ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
    return new NewSignature(
        petition,
        kind,
        key("email:" + email.toLowerCase(Locale.ROOT)),
        slot,
        phone == null ? null : key("phone:" + phone),
        nameKey(firstName + " " + lastName),
        key("network:" + network),
        displayName,
        false,
        comment,
        false,
        kind == SignerKind.ORGANIZATION ? null : "Springfield Residents",
        city,
        country,
        email.substring(email.indexOf('@') + 1),
        network,
        seal(email + "\n" + (phone == null ? "" : phone) + "\n" + firstName + "\n" + lastName + "\n" + ip),
        signedAt,
        held,
        List.copyOf(findings),
        List.of(
            new ConsentGrant("terms", "2025-01", "a".repeat(64), ConsentPurpose.TERMS),
            new ConsentGrant("privacy", "2025-02", "b".repeat(64), ConsentPurpose.PRIVACY_POLICY)),
        "form-1",
        "c".repeat(64),
        "en-US");
  }

  /** A finding with every field set, to check the findings round trip. */
  public static Finding rateFinding() {
    return Finding.rateLimited("Too many signings from this network.", Duration.ofSeconds(90));
  }

  /** The keyed hash a real service would compute for a name's skeleton. */
  public static byte[] nameKey(String name) {
    return key("name:" + name.toLowerCase(Locale.ROOT));
  }

  /** HMAC-SHA256 of the value under the test key. */
  public static byte[] key(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HMAC_KEY, "HmacSHA256"));
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** AES-256-GCM with a random 96-bit nonce, prefixed to the ciphertext. */
  public static byte[] seal(String clear) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(AES_KEY, "AES"), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decrypts {@link #seal} output. */
  public static String open(byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(AES_KEY, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
      return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
