package org.petition.benchmarks.flood;

import java.util.Locale;

/**
 * Who signs in the flood scenario: legitimate signers, each from an address of its own spread over many /24
 * networks, and the flood, from one /24. Names are real-looking and distinct, so the content and look-alike
 * checks see ordinary people; the addresses are only the values of {@code X-Forwarded-For}, never contacted.
 */
final class Signers {

  /** The flood's /24 (TEST-NET-3). */
  static final String FLOOD_NETWORK = "203.0.113.";

  private static final String[] FIRST = {"Anna", "Bilal", "Chiara", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hana",
      "Ingrid", "Jomo", "Kaveh", "Lucía", "Mateus", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Soo-min", "Tariq",
      "Ulrike", "Viktor", "Wanjiru", "Xavier", "Yusuf", "Zofia", "Amara", "Bruno", "Céline", "Dong-hyun", "Elif",
      "Fionn", "Greta", "Hamid", "Isabela", "Jae-won", "Kwame", "Leilani", "Magnus", "Noor", "Olufemi", "Paulina",
      "Rafael", "Sigrid", "Tomás", "Umaima", "Valentina", "Wiremu", "Yara", "Zeynep"};
  private static final String[] LAST = {"Kim", "Okafor", "Rossi", "Ivanova", "Park", "Haddad", "Silva", "Novak",
      "Johansson", "Mwangi", "Tehrani", "García", "Costa", "Petrenko", "Lindqvist", "Sharma", "Dubois", "Moreno",
      "Lee", "Rahman", "Schneider", "Kowalski", "Otieno", "Laurent", "Demir", "Nowak", "Mensah", "Ferreira",
      "Bernard", "Choi", "Yilmaz", "Byrne", "Andersen", "Karimi", "Pereira", "Jung", "Boateng", "Kahale",
      "Nilsson", "Aziz", "Horvath", "Tanaka", "Adeyemi", "Lindgren", "Castillo", "Oyelaran", "Virtanen", "Hosseini",
      "Murphy", "Nakamura"};
  /** The flood's own family names, so its few signings taken are never look-alikes of a legitimate signer. */
  private static final String[] FLOOD_LAST = {"Floodgate", "Spamford", "Botley", "Scriptson", "Massey"};
  private static final String[] CITIES = {"Seoul", "Busan", "Chicago", "Berlin", "Lagos", "São Paulo", "Oslo",
      "Nairobi", "Lyon", "Pune"};
  private static final String[] COUNTRIES = {"KR", "KR", "US", "DE", "NG", "BR", "NO", "KE", "FR", "IN"};

  private Signers() {}

  /** Where each run's legitimate signers come from: 256 networks each, none of them the flood's. */
  private static final String[] LEGITIMATE_PREFIXES = {"198.18.", "198.19.", "100.64."};

  /**
   * A legitimate signer's address: signer {@code index} of run {@code run} (0, 1 or 2), in one of 256 /24
   * networks of that run (a few signers per network), so no run is rate limited by another.
   */
  static String legitimateAddress(int run, int index) {
    return LEGITIMATE_PREFIXES[run] + (index % 256) + "." + (1 + index / 256);
  }

  static String floodAddress(int index) {
    return FLOOD_NETWORK + (1 + index % 254);
  }

  /** Legitimate signer {@code index} of run {@code run}: a name no other signer of any run has. */
  static String legitimateBody(int run, int index, long renderedAtMillis, String formToken) {
    int name = run * 1000 + index;
    String first = FIRST[name % FIRST.length];
    String last = LAST[(name / FIRST.length) % LAST.length];
    return body(index, first, last, legitimateEmail(run, index), renderedAtMillis, formToken);
  }

  static String legitimateEmail(int run, int index) {
    int name = run * 1000 + index;
    return ascii(FIRST[name % FIRST.length]) + "." + ascii(LAST[(name / FIRST.length) % LAST.length]) + ".r" + run
        + "-" + index + "@example.org";
  }

  static String floodBody(long index, long renderedAtMillis, String formToken) {
    int name = (int) (index % (FIRST.length * FLOOD_LAST.length));
    return body((int) (index % CITIES.length), FIRST[name % FIRST.length], FLOOD_LAST[name / FIRST.length],
        floodEmail(index), renderedAtMillis, formToken);
  }

  static String floodEmail(long index) {
    return "flood" + index + "@example.net";
  }

  /** A signing's JSON body; {@code formToken} is sent when the API handed one out. */
  private static String body(int index, String first, String last, String email, long renderedAtMillis,
      String formToken) {
    int city = index % CITIES.length;
    StringBuilder json = new StringBuilder(320)
        .append("{\"firstName\":\"").append(first)
        .append("\",\"lastName\":\"").append(last)
        .append("\",\"email\":\"").append(email)
        .append("\",\"country\":\"").append(COUNTRIES[city])
        .append("\",\"city\":\"").append(CITIES[city])
        .append("\",\"consents\":[\"terms\",\"privacy\",\"processing\"]")
        .append(",\"renderedAt\":").append(renderedAtMillis);
    if (formToken != null) {
      json.append(",\"formToken\":\"").append(formToken).append('"');
    }
    return json.append('}').toString();
  }

  private static String ascii(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
        .toLowerCase(Locale.ROOT);
  }
}
