package org.petition.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

// Whether a text addresses someone: a second-person pronoun in one of the languages of the abuse lists.
// "fuck you" and "씨발 너 뭐야" address someone; "holy shit", "who the fuck wrote this" and "씨발 진짜
// 너무하네" do not. A known limit: any pronoun counts, near the profanity or not ("fuck, I love you"). Run only
// when a profanity was found, so it may allocate.
public final class SecondPerson {

  private static final Set<String> WORDS = Set.of(
      // English
      "you", "u", "ya", "your", "ur", "yours", "youre", "yourself", "yourselves", "thou", "thee",
      // German
      "du", "dich", "dir", "dein", "deine", "deinen", "deiner", "euch", "eure", "euer",
      // French
      "tu", "te", "toi", "tes", "vous", "votre", "vos",
      // Spanish, Portuguese
      "tú", "ti", "vosotros", "usted", "ustedes", "você", "vocês", "vc", "teu", "tua",
      // Russian, Ukrainian
      "ты", "тебя", "тебе", "тобой", "твой", "твоя", "твоё", "твое", "вы", "вас", "вам", "ваш", "ваша", "ти");

  // Korean second person: 너 with its particles (not 너무 "too much"), 니가, 니들, 당신, 느그, 너희 at the
  // start of a word.
  private static final Set<String> KOREAN_WORDS = Set.of(
      "너", "너는", "너가", "너도", "너를", "너한테", "너의", "너랑", "너만", "넌", "널", "네가", "니가", "니는", "니도");
  private static final String[] KOREAN_PREFIXES = {"니들", "니네", "너네", "당신", "느그", "너희"};

  private SecondPerson() {}

  public static boolean addresses(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean inWord = i < text.length()
          && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’');
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(text.substring(start, i).replace("'", "").replace("’", "").toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      // "u" inside letters spelled out ("f u c k i n g") is no pronoun.
      if (word.length() == 1 && (w > 0 && words.get(w - 1).length() == 1
          || w + 1 < words.size() && words.get(w + 1).length() == 1)) {
        continue;
      }
      if (WORDS.contains(word) || KOREAN_WORDS.contains(word)) {
        return true;
      }
      for (String prefix : KOREAN_PREFIXES) {
        if (word.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }
}
