package org.petition.check;

/** What happens to a signing once every check has spoken. Ordered from the mildest to the strictest. */
public enum Verdict {
  /** Counted once confirmed, published as given. */
  ACCEPT,
  /** Counted once confirmed, but the comment is not published. */
  ACCEPT_HIDE_COMMENT,
  /** Not counted until a moderator approves it. */
  HOLD,
  /** Refused. */
  REJECT;

  /** The stricter of the two verdicts. */
  public Verdict max(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
