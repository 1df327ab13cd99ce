package org.petition.check;

/**
 * The codes of the built-in checks' findings, for policies, moderators' filters and tests that name them.
 * A code is stable across releases: it is stored with held signatures and shown in audit logs.
 */
public final class FindingCodes {

  /** A limit per IP, network or email domain was exceeded ({@link RateLimitCheck}); carries a retry delay. */
  public static final String RATE_LIMITED = "rate.limited";

  /** Many signings from one source in a short time ({@link SurgeDetector}). */
  public static final String SURGE_HOLD = "surge.hold";

  /** The address, domain or email is on a block list ({@link AccessListCheck}). */
  public static final String ACCESS_BLOCKED = "access.blocked";

  /** The field hidden from people was filled in ({@link BotSignalsCheck}). */
  public static final String BOT_HONEYPOT = "bot.honeypot";

  /** The form was sent sooner than a person can fill it in ({@link BotSignalsCheck}). */
  public static final String BOT_TOO_FAST = "bot.too_fast";

  /** The form claims to have been shown after the signing arrived ({@link BotSignalsCheck}). */
  public static final String BOT_CLOCK = "bot.clock";

  /**
   * The signing came from a form or an API client but without a valid form token: missing, forged, for
   * another petition, expired, or used more often than allowed ({@code Petitions.formToken}).
   */
  public static final String BOT_FORM_TOKEN = "bot.form_token";

  /** The request has no User-Agent ({@link BotSignalsCheck}). */
  public static final String BOT_NO_USER_AGENT = "bot.no_user_agent";

  /** The email's domain hands out throw-away addresses ({@link DisposableDomainCheck}). */
  public static final String EMAIL_DISPOSABLE = "email.disposable";

  /** Text that was decoded with the wrong encoding ({@link ContentCheck}). */
  public static final String CONTENT_MOJIBAKE = "content.mojibake";

  /** A link in a name ({@link ContentCheck}). */
  public static final String CONTENT_LINK_IN_NAME = "content.link_in_name";

  /** A link in a comment or other free text ({@link ContentCheck}). */
  public static final String CONTENT_LINK = "content.link";

  /** A slur or hate against a group ({@link ContentCheck}); holds the signature. */
  public static final String CONTENT_ABUSE = "content.abuse";

  /** A threat or incitement to violence or self-harm ({@link ContentCheck}); holds the signature. */
  public static final String CONTENT_THREAT = "content.threat";

  /** Profanity or an insult ({@link ContentCheck}); publishes or hides the comment, never holds a comment's signer. */
  public static final String CONTENT_PROFANITY = "content.profanity";

  /** A comment the spam model scores as spam ({@link ContentCheck}, {@link SpamModel}); hides the comment. */
  public static final String CONTENT_SPAM = "content.spam";

  /** A field without letters or digits ({@link ContentCheck}). */
  public static final String CONTENT_NO_TEXT = "content.no_text";

  /** Mostly capital letters ({@link ContentCheck}). */
  public static final String CONTENT_SHOUTING = "content.shouting";

  /** A character or word repeated many times ({@link ContentCheck}). */
  public static final String CONTENT_REPETITION = "content.repetition";

  /** A name that looks like random keystrokes ({@link ContentCheck}). */
  public static final String CONTENT_GIBBERISH_NAME = "content.gibberish_name";

  /** A look-alike name from the same city or network has signed ({@link NearDuplicateCheck}). */
  public static final String IDENTITY_NEAR_DUPLICATE = "identity.near_duplicate";

  private FindingCodes() {}
}
