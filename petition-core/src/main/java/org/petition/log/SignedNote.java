package org.petition.log;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.NoteNames;
import org.petition.log.internal.StrictBase64;

/**
 * C2SP signed notes (c2sp.org/signed-note, as Go's golang.org/x/mod/sumdb/note implements them): a text
 * ending in a newline, a blank line, then one line per signature, {@code — <key name> <base64(key id ‖
 * signature)>} (U+2014 EM DASH, a space), each ending in a newline. The signed message is the text,
 * including its final newline, in UTF-8.
 */
public final class SignedNote {

  /** The most signature lines {@link #open} reads, as in Go's implementation. */
  public static final int MAX_SIGNATURES = 100;

  private static final String PREFIX = "\u2014 ";

  private SignedNote() {}

  /** What {@link #open} found: the text, the known keys that signed it, and the signatures of others. */
  public record Opened(String text, List<NoteVerifier> signedBy, List<String> otherSigners) {

    /** The lists are copied. */
    public Opened {
      signedBy = List.copyOf(signedBy);
      otherSigners = List.copyOf(otherSigners);
    }
  }

  /** Why a note was refused. */
  public static final class InvalidNoteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidNoteException(String message) {
      super(message);
    }
  }

  /**
   * The note of {@code text} signed by each of {@code keys}, in order.
   *
   * @throws IllegalArgumentException if the text does not end in a newline or holds a control character
   *     other than newline
   */
  public static String sign(String text, List<LogKey> keys) {
    Objects.requireNonNull(text, "text must not be null");
    String problem = NoteNames.textProblem(text);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one key");
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder note = new StringBuilder(text).append('\n');
    for (LogKey key : keys) {
      byte[] signature = key.sign(message);
      byte[] line = ByteBuffer.allocate(4 + signature.length).putInt(key.id()).put(signature).array();
      note.append(PREFIX).append(key.name()).append(' ').append(StrictBase64.encode(line)).append('\n');
    }
    return note.toString();
  }

  /**
   * Opens a signed note: checks its form, and the signature of every known key (one whose name and key id
   * are those of a verifier in {@code known}); signatures by other keys are listed and not checked, as the
   * specification requires.
   *
   * @throws InvalidNoteException saying what is wrong: the note is malformed, a known key's signature does
   *     not verify, two known verifiers share a name and key id, or no known key signed it
   */
  public static Opened open(String note, Collection<NoteVerifier> known) {
    Objects.requireNonNull(note, "note must not be null");
    String problem = NoteNames.charactersProblem(note);
    if (!problem.isEmpty()) {
      throw new InvalidNoteException("malformed note: " + problem);
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new InvalidNoteException("malformed note: no blank line between the text and the signatures");
    }
    String text = note.substring(0, split + 1);
    String signatures = note.substring(split + 2);
    if (signatures.isEmpty() || !signatures.endsWith("\n")) {
      throw new InvalidNoteException("malformed note: the signature lines must follow the blank line, each ending "
          + "in a newline");
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    List<NoteVerifier> signedBy = new ArrayList<>();
    List<String> others = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new InvalidNoteException("malformed note: more than " + MAX_SIGNATURES + " signatures");
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.startsWith(PREFIX)) {
        throw new InvalidNoteException("malformed note: signature line " + (i + 1) + " does not start with '\u2014 '");
      }
      int space = line.indexOf(' ', PREFIX.length());
      String name = space < 0 ? line.substring(PREFIX.length()) : line.substring(PREFIX.length(), space);
      String encoded = space < 0 ? "" : line.substring(space + 1);
      byte[] signature = decode(encoded);
      if (!NoteNames.isValid(name) || signature.length < 5) {
        throw new InvalidNoteException("malformed note: signature line " + (i + 1) + " is not '\u2014 <key name> "
            + "<base64 of key id and signature>'");
      }
      int id = ByteBuffer.wrap(signature).getInt();
      String label = name + "+" + NoteVerifier.hex(id);
      NoteVerifier verifier = find(known, name, id);
      if (verifier == null) {
        others.add(label);
        continue;
      }
      if (!seen.add(label)) {
        continue; // repeated signatures by one key count once
      }
      byte[] bare = new byte[signature.length - 4];
      System.arraycopy(signature, 4, bare, 0, bare.length);
      if (!verifier.verify(message, bare)) {
        throw new InvalidNoteException("the signature by key " + label + " does not verify");
      }
      signedBy.add(verifier);
    }
    if (signedBy.isEmpty()) {
      throw new InvalidNoteException("the note is not signed by any known key (signed by: "
          + String.join(", ", others) + "; known: " + String.join(", ", labels(known)) + ")");
    }
    return new Opened(text, signedBy, others);
  }

  /**
   * Opens a signed note given as bytes, which must be valid UTF-8.
   *
   * @see #open(String, Collection)
   */
  public static Opened open(byte[] note, Collection<NoteVerifier> known) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(note))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidNoteException("malformed note: not valid UTF-8");
    }
    return open(text, known);
  }

  private static @Nullable NoteVerifier find(
      Collection<NoteVerifier> known, String name, int id) {
    NoteVerifier found = null;
    for (NoteVerifier verifier : known) {
      if (verifier.id() == id && verifier.name().equals(name)) {
        if (found != null && !found.equals(verifier)) {
          throw new InvalidNoteException("two known keys share the name and key id " + verifier.label());
        }
        found = verifier;
      }
    }
    return found;
  }

  private static List<String> labels(Collection<NoteVerifier> known) {
    List<String> labels = new ArrayList<>();
    for (NoteVerifier verifier : known) {
      labels.add(verifier.label());
    }
    return labels;
  }

  // Padded standard base64, as Go's base64.StdEncoding reads it.
  private static byte[] decode(String encoded) {
    if (encoded.isEmpty() || encoded.length() % 4 != 0) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
