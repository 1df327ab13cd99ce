package org.petition.account.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The shipped list of common passwords, {@code org/petition/account/common-passwords.txt}. */
public final class CommonPasswords {

  static final String RESOURCE = "/org/petition/account/common-passwords.txt";

  private CommonPasswords() {}

  /** How a password is compared: NFC, then Unicode full case folding. */
  public static String key(CharSequence password) {
    return fold(nfc(password));
  }

  /** The NFC form of a password. */
  public static String nfc(CharSequence password) {
    return Normalizer2.getNFCInstance().normalize(password);
  }

  /** The comparison key of a password already in NFC. */
  public static String fold(String nfc) {
    return UCharacter.foldCase(nfc, true);
  }

  /** The shipped list as comparison keys; read once, immutable. */
  public static Set<String> shipped() {
    return Holder.SHIPPED;
  }

  // Loaded on first use (class-holder idiom): an immutable constant, not mutable global state.
  private static final class Holder {
    static final Set<String> SHIPPED = load();
  }

  static Set<String> load() {
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the common password list " + RESOURCE + " is missing from the classpath");
      }
      Set<String> keys = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          keys.add(key(line));
        }
      }
      return Set.copyOf(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the common password list " + RESOURCE, e);
    }
  }
}
