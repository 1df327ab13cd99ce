package org.petition.spring;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Random keys for tests: never constants, so nothing here could be mistaken for a real secret. */
public final class TestKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  public static String base64(int bytes) {
    byte[] secret = new byte[bytes];
    RANDOM.nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  /** Every required property with fresh random secrets, and the base URL. */
  public static String[] required() {
    return new String[] {
      "petition.base-url=https://petitions.example.org",
      "petition.tokens.keys[0].id=k1",
      "petition.tokens.keys[0].secret=" + base64(32),
      "petition.identity.secret=" + base64(32),
      "petition.privacy.keys[0].id=d1",
      "petition.privacy.keys[0].secret=" + base64(32),
      "petition.log.keys[0].name=petitions.example.org/log",
      "petition.log.keys[0].seed=" + base64(32)
    };
  }

  /** The required properties plus the seed petition with its three consents and country goals. */
  public static String[] withSeedPetition() {
    List<String> all = new ArrayList<>(List.of(required()));
    all.addAll(List.of(seedPetition(0)));
    return all.toArray(String[]::new);
  }

  public static String[] seedPetition(int index) {
    String p = "petition.petitions[" + index + "].";
    return new String[] {
      p + "slug=us-troops-out-of-korea",
      p + "title=60th Anniversary of U.S. Occupation of South Korea",
      p + "target=U.S. Government",
      p + "text=People of conscience around the world demand the immediate removal of U.S. military forces.",
      p + "goal=1000",
      p + "goals-by-country.US=200",
      p + "goals-by-country.KR=1000",
      p + "consents[0].id=terms",
      p + "consents[0].purpose=TERMS",
      p + "consents[0].text=Usage and Limitations of Services",
      p + "consents[1].id=privacy",
      p + "consents[1].purpose=PRIVACY_POLICY",
      p + "consents[1].text=Privacy Policy",
      p + "consents[2].id=processing",
      p + "consents[2].purpose=DATA_PROCESSING",
      p + "consents[2].text=Personal Data Processing"
    };
  }
}
