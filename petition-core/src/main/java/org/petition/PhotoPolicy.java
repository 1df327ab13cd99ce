package org.petition;

/**
 * Whether a petition takes a photo with a signature (a photo campaign, its photos shown one by one and as a
 * mosaic), and whether a photo waits for a moderator before it is public.
 */
public enum PhotoPolicy {
  /** No photo is taken: a signing that carries one is refused on the field {@code photo}. */
  NOT_ACCEPTED,
  /** A photo may come with a signature; it is public only once a moderator approved it (the usual choice). */
  HELD,
  /** A photo may come with a signature and is public at once; a moderator can still remove it. */
  PUBLISHED;

  /** Whether a signing may carry a photo. */
  public boolean accepts() {
    return this != NOT_ACCEPTED;
  }
}
