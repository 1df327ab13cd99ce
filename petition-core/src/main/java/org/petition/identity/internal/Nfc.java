package org.petition.identity.internal;

import java.text.Normalizer;

/**
 * Whether text is in NFC, as {@link Normalizer#isNormalized} answers, without its per-call buffers: ICU's
 * quick check says "yes" for almost every real name in one allocation-free pass; only text it cannot
 * clear at once (a combining sequence that might compose) is asked of the JDK. A "yes" from ICU is the
 * JDK's answer too: normalization data of assigned characters never changes between Unicode versions, and
 * a character unknown to the JDK's version is, for the JDK, a starter that is already normalized.
 */
public final class Nfc {

  private static final com.ibm.icu.text.Normalizer2 NFC = com.ibm.icu.text.Normalizer2.getNFCInstance();

  private Nfc() {}

  /** Whether ICU's quick check alone says the text is in NFC (true implies {@link #isNormalized}). */
  public static boolean isQuicklyNormalized(String text) {
    return NFC.spanQuickCheckYes(text) == text.length();
  }

  public static boolean isNormalized(String text) {
    return NFC.spanQuickCheckYes(text) == text.length() || Normalizer.isNormalized(text, Normalizer.Form.NFC);
  }
}
