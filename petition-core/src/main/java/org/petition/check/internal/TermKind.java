package org.petition.check.internal;

// What a listed term weighs, by the list it comes from (its file name's prefix); entries of custom lists
// weigh as slurs, as before the lists were split. Ordered from the mildest.
public enum TermKind {
  PROFANITY,
  INSULT,
  HATE,
  THREAT;

  public static TermKind of(String source) {
    if (source.startsWith("profanity")) {
      return PROFANITY;
    } else if (source.startsWith("insults")) {
      return INSULT;
    } else if (source.startsWith("threats")) {
      return THREAT;
    }
    return HATE;
  }
}
