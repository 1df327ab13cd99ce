package org.petition.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/** Shared test data: random keys (never constants), the seed petition, requests that pass every rule. */
public final class Fixtures {

  public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  public static final ConsentDocument TERMS =
      ConsentDocument.ofText("terms", "2015-01", ConsentPurpose.TERMS, "Usage and Limitations of Services");
  public static final ConsentDocument PRIVACY =
      ConsentDocument.ofText("privacy", "2015-01", ConsentPurpose.PRIVACY_POLICY, "Privacy Policy");
  public static final ConsentDocument PROCESSING =
      ConsentDocument.ofText("processing", "2015-01", ConsentPurpose.DATA_PROCESSING, "Personal Data Processing");

  private Fixtures() {}

  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  public static Tokens tokens() {
    return Tokens.of(TokenKey.of("k1", randomBytes(32)));
  }

  public static DataKeys dataKeys() {
    return DataKeys.of(List.of(new DataKey("d1", randomBytes(32))));
  }

  /** The seed page's petition: "276 / 1000", three consents, addressed to the U.S. Government. */
  public static Petition seedPetition() {
    return Petition.builder("us-troops-out-of-korea")
        .title("60th Anniversary of U.S. Occupation of South Korea")
        .text("People of conscience around the world demand the immediate removal of U.S. military forces.")
        .target("U.S. Government")
        .author("Concetta Wise")
        .category("Business and Companies")
        .goal(1000)
        .goal("US", 200)
        .goal("KR", 1000)
        .consent(TERMS)
        .consent(PRIVACY)
        .consent(PROCESSING)
        .build();
  }

  public static Petitions.Builder petitions(MutableClock clock, ConfirmationSender sender) {
    return Petitions.builder()
        .clock(clock)
        .tokenKeys(tokens())
        .identitySecret(randomBytes(32))
        .dataKeys(dataKeys())
        .sender(sender)
        .baseUrl("https://petitions.example.org");
  }

  /** A request that passes every rule, for the seed petition. */
  public static SignatureRequest.Builder person(String first, String last, String email) {
    return SignatureRequest.builder("us-troops-out-of-korea")
        .person(first, last)
        .email(email)
        .country("US")
        .consent("terms", "privacy", "processing");
  }

  public static String token(String url) {
    Matcher matcher = TOKEN.matcher(url);
    if (!matcher.find()) {
      throw new AssertionError("no token in link");
    }
    return matcher.group(1);
  }

  public static String confirmToken(OutgoingMessage message) {
    return token(java.util.Objects.requireNonNull(message.actionUrl()));
  }

  public static String revokeToken(OutgoingMessage message) {
    return token(java.util.Objects.requireNonNull(message.revokeUrl()));
  }
}
