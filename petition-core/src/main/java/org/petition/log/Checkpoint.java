package org.petition.log;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.NoteNames;
import org.petition.log.internal.StrictBase64;

/**
 * A checkpoint of a log in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint): the note text
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;base64 of the 32-byte RFC 9162 root hash&gt;
 * </pre>
 *
 * <p>each line ending in a newline, signed as a {@link SignedNote}. A petition's origin is {@link
 * #origin(String, String) &lt;host of the base URL&gt;/petitions/&lt;slug&gt;}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

  /** A checkpoint; the root hash is copied. */
  public Checkpoint {
    Objects.requireNonNull(origin, "origin must not be null");
    Objects.requireNonNull(rootHash, "rootHash must not be null");
    if (origin.isEmpty() || origin.indexOf('\n') >= 0 || !NoteNames.charactersProblem(origin).isEmpty()) {
      throw new IllegalArgumentException("a checkpoint's origin must be one non-empty line of note text: " + origin);
    }
    if (size < 0) {
      throw new IllegalArgumentException("a tree size cannot be negative: " + size);
    }
    rootHash = MerkleTree.checkHash(rootHash, "the root hash").clone();
  }

  /**
   * The origin of a petition's log: the base URL's host (lower case), its port if it names one, and its
   * path without the trailing slash, then {@code /petitions/<slug>}; so {@code https://example.org} and
   * {@code my-petition} give {@code example.org/petitions/my-petition}, a schema-less URL as C2SP
   * recommends.
   *
   * @throws IllegalArgumentException if the base URL has no host
   */
  public static String origin(String baseUrl, String slug) {
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a base URL: " + baseUrl, e);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("a base URL needs a host: " + baseUrl);
    }
    StringBuilder origin = new StringBuilder(host.toLowerCase(Locale.ROOT));
    if (uri.getPort() >= 0) {
      origin.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return origin.append(path).append("/petitions/").append(slug).toString();
  }

  /** The checkpoint of a tree's right edge. */
  public static Checkpoint of(String origin, Frontier frontier) {
    return new Checkpoint(origin, frontier.size(), frontier.root());
  }

  /**
   * The checkpoint a note text holds. Extension lines after the root hash are allowed by the format and
   * ignored (this log writes none).
   *
   * @throws IllegalArgumentException saying which line is wrong
   */
  public static Checkpoint parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint's text must end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash, one a line");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException("a checkpoint's tree size must be a decimal number without leading zeros: "
          + lines[1]);
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a checkpoint's tree size is too large: " + lines[1], e);
    }
    byte[] root = StrictBase64.decode(lines[2], MerkleTree.HASH_LENGTH, "a checkpoint's root hash");
    for (int i = 3; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new IllegalArgumentException("a checkpoint's extension lines must not be empty");
      }
    }
    return new Checkpoint(lines[0], size, root);
  }

  /**
   * The checkpoint in a signed note, if a key in {@code known} signed it.
   *
   * @throws SignedNote.InvalidNoteException if the note is malformed or not validly signed by a known key
   * @throws IllegalArgumentException if its text is not a checkpoint
   */
  public static Checkpoint open(String signedNote, Collection<NoteVerifier> known) {
    return parse(SignedNote.open(signedNote, known).text());
  }

  /** The note text. */
  public String text() {
    return origin + "\n" + size + "\n" + StrictBase64.encode(rootHash) + "\n";
  }

  /** The note signed by {@code keys}' signing key. */
  public String sign(LogKeys keys) {
    return keys.sign(text());
  }

  /** The root hash (a copy). */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Checkpoint checkpoint && checkpoint.origin.equals(origin) && checkpoint.size == size
        && Arrays.equals(checkpoint.rootHash, rootHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash));
  }

  @Override
  public String toString() {
    return text();
  }
}
