package org.petition.benchmarks.flood;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the demo's development outbox page ({@code /dev/outbox}, the mails the demo would have sent): who was
 * mailed, and each recipient's latest confirmation token. A mail is what only an accepted signing gets, so the
 * outbox also tells how many of the flood's signings were taken, whatever the API answered.
 */
final class DevOutbox {

  private static final Pattern RECIPIENT = Pattern.compile("class=\"recipient\">([^<]+)</span>");
  private static final Pattern TOKEN = Pattern.compile("/confirm\\?token=([A-Za-z0-9_-]+)");

  private DevOutbox() {}

  /** Recipient to confirmation token (the newest mail first on the page, so the first token seen wins). */
  static Map<String, String> confirmationTokens(String page) {
    Map<String, String> tokens = new HashMap<>();
    for (String article : page.split("<article class=\"mail\"")) {
      Matcher recipient = RECIPIENT.matcher(article);
      Matcher token = TOKEN.matcher(article);
      if (recipient.find() && token.find()) {
        tokens.putIfAbsent(recipient.group(1).strip(), token.group(1));
      }
    }
    return tokens;
  }

  /** How many mails went to addresses ending in {@code suffix}. */
  static long mailsTo(String page, String suffix) {
    long mails = 0;
    Matcher recipient = RECIPIENT.matcher(page);
    while (recipient.find()) {
      if (recipient.group(1).strip().endsWith(suffix)) {
        mails++;
      }
    }
    return mails;
  }
}
