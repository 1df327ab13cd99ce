package org.petition.check;

import java.util.Objects;
import java.util.Optional;
import org.petition.check.internal.Mojibake;

/**
 * Recognises and repairs mojibake: UTF-8 text that was decoded with a single-byte character set on its
 * way to the form, such as "Ã©tÃ©" for "été" (Windows-1252 or Latin-1) or "РњРѕСЃРєРІР°" for "Москва"
 * (Windows-1251).
 *
 * <p>A repair re-encodes the text with the wrong character set and decodes the bytes as UTF-8, reporting
 * any malformed input instead of replacing it; it is offered only when encoding the repair the wrong way
 * again gives back the original exactly, so a repair never guesses. Real Russian, Ukrainian, Bulgarian,
 * French, German or Portuguese text is not mojibake: detection weighs how much of the non-ASCII text reads
 * as misdecoded UTF-8 sequences, which is nearly all of it in mojibake and little in real text.
 *
 * <p>Immutable and thread-safe.
 */
public final class MojibakeRepair {

  private static final MojibakeRepair DEFAULTS = new MojibakeRepair();

  private MojibakeRepair() {}

  /** The repairer for Windows-1252, Latin-1 and Windows-1251 mojibake. */
  public static MojibakeRepair ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Repairs mojibake exactly.
   *
   * @param text any text
   * @return the text as it was written, or empty when the text is not mojibake or lost bytes on the way
   *     (then {@link #looksLikeMojibake} may still recognise it)
   */
  public Optional<String> repair(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return Optional.ofNullable(Mojibake.repair(text));
  }

  /**
   * Whether the text looks like mojibake, repairable or not: besides misdecoded UTF-8 this recognises
   * mojibake that lost bytes ("РРСРРРІСС") and a Latin word with a stray Cyrillic letter left by two legacy
   * code pages ("Эstanbul" for "İstanbul").
   *
   * @param text any text
   * @return {@code true} when the text looks garbled by a wrong character set
   */
  public boolean looksLikeMojibake(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return Mojibake.looksLike(text);
  }

  @Override
  public String toString() {
    return "MojibakeRepair";
  }
}
