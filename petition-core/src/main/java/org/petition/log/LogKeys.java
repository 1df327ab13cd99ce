package org.petition.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.petition.log.internal.NoteNames;

/**
 * The operator's ring of checkpoint keys: every key is published (so checkpoints signed before a rotation
 * still verify), the last one signs. Rotating means appending a new key and keeping the old ones.
 * Immutable.
 */
public final class LogKeys {

  /** A key as configuration gives it: a name and a seed (see {@link LogKey#ofSeed}). */
  public record Spec(String name, String seed) {

    /** Hides the seed. */
    @Override
    public String toString() {
      return "Spec[name=" + name + ", seed=(hidden)]";
    }
  }

  private final List<LogKey> keys;

  private LogKeys(List<LogKey> keys) {
    this.keys = keys;
  }

  /**
   * The ring of {@code keys}, the last of which signs.
   *
   * @throws IllegalArgumentException if there is none, or two share a name and key id or a public key
   */
  public static LogKeys of(List<LogKey> keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys: at least one log key is needed to sign checkpoints");
    }
    for (int i = 0; i < keys.size(); i++) {
      LogKey key = Objects.requireNonNull(keys.get(i), "keys[" + i + "] must not be null");
      for (int j = 0; j < i; j++) {
        LogKey earlier = keys.get(j);
        if (earlier.name().equals(key.name()) && earlier.id() == key.id()) {
          throw new IllegalArgumentException("keys[" + j + "] and keys[" + i + "] are both " + key.verifier().label()
              + ": a name and key id must name one key");
        }
        if (Arrays.equals(earlier.verifier().publicKey(), key.verifier().publicKey())) {
          throw new IllegalArgumentException("keys[" + j + "] and keys[" + i + "] have the same seed: give each its own");
        }
      }
    }
    return new LogKeys(List.copyOf(keys));
  }

  /**
   * The ring configuration describes, each message naming the key as {@code keys[i].name} or {@code
   * keys[i].seed} so that a caller can prefix its own property path.
   *
   * @throws IllegalArgumentException saying which key and what is wrong, never quoting a seed
   */
  public static LogKeys fromSpecs(List<Spec> specs) {
    Objects.requireNonNull(specs, "specs must not be null");
    List<LogKey> keys = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec spec = specs.get(i);
      if (spec == null || spec.name() == null || spec.name().isBlank()) {
        throw new IllegalArgumentException("keys[" + i + "].name must be set (a key name, e.g. example.org/log)");
      }
      if (spec.seed() == null || spec.seed().isBlank()) {
        throw new IllegalArgumentException("keys[" + i + "].seed must be set (openssl rand -base64 32)");
      }
      String nameProblem = NoteNames.problem(spec.name());
      if (!nameProblem.isEmpty()) {
        throw new IllegalArgumentException("keys[" + i + "].name: " + nameProblem + ": " + spec.name());
      }
      try {
        keys.add(LogKey.ofSeed(spec.name(), spec.seed()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("keys[" + i + "].seed: " + e.getMessage(), e);
      }
    }
    return of(keys);
  }

  /** The key that signs: the last. */
  public LogKey signer() {
    return keys.get(keys.size() - 1);
  }

  /** Every key, in configuration order. */
  public List<LogKey> keys() {
    return keys;
  }

  /** Every key's public side. */
  public List<NoteVerifier> verifiers() {
    List<NoteVerifier> verifiers = new ArrayList<>(keys.size());
    for (LogKey key : keys) {
      verifiers.add(key.verifier());
    }
    return List.copyOf(verifiers);
  }

  /** What {@code GET /api/log/keys} answers: one verifier key a line, each ending in a newline. */
  public String verifierKeys() {
    StringBuilder out = new StringBuilder();
    for (LogKey key : keys) {
      out.append(key.verifierKey()).append('\n');
    }
    return out.toString();
  }

  /** {@code text} as a signed note, signed by {@link #signer()}. */
  public String sign(String text) {
    return SignedNote.sign(text, List.of(signer()));
  }

  @Override
  public String toString() {
    return "LogKeys" + verifiers().stream().map(NoteVerifier::label).toList();
  }
}
