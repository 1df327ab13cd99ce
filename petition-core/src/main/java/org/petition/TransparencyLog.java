package org.petition;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.log.Checkpoint;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.LogKeys;
import org.petition.log.MerkleTree;
import org.petition.log.NodeSource;
import org.petition.store.SignatureStore;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/**
 * The petitions' transparency logs as the public reads them (see {@code docs/TRANSPARENCY-LOG.md}): signed
 * checkpoints, entries, RFC 9162 inclusion and consistency proofs, and a signer's receipt. The store appends
 * the entries with every change to a count; this class signs checkpoints of them with the {@link LogKeys}
 * given to {@link Petitions.Builder#logKeys} (the last key signs), keeps them in the store, and answers every
 * question with a {@link LogAnswer}: a malformed or out-of-range parameter is {@link LogAnswer.BadParameter}
 * naming it, never an exception. Get it from {@link Petitions#log()}. Thread-safe.
 */
public final class TransparencyLog {

  /** The most entries {@link #entries} answers at once. */
  public static final int MAX_ENTRIES = 1000;

  private final SignatureStore store;
  private final Clock clock;
  private final Tokens tokens;
  private final String baseUrl;
  private final @Nullable LogKeys keys;

  TransparencyLog(SignatureStore store, Clock clock, Tokens tokens, String baseUrl, @Nullable LogKeys keys) {
    this.store = store;
    this.clock = clock;
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.keys = keys;
  }

  /** A signer's receipt: the entry that made their signature count, and its index in the log. */
  public record Receipt(long index, byte[] entry) {

    public Receipt {
      entry = entry.clone();
    }

    /** The entry's bytes (a copy). */
    @Override
    public byte[] entry() {
      return entry.clone();
    }
  }

  /** Whether the store keeps the log and checkpoints can be signed. */
  public boolean enabled() {
    return store.logEnabled() && keys != null;
  }

  /** The checkpoints' origin line for a petition: {@code <host of the base URL>/petitions/<slug>}. */
  public String origin(String slug) {
    return Checkpoint.origin(baseUrl, slug);
  }

  /** The verifier keys, one a line ({@code <name>+<key id>+<base64 key>}), the signing key last. */
  public LogAnswer<String> verifierKeys() {
    if (keys == null) {
      return new LogAnswer.NotKept<>("no log keys are configured");
    }
    return new LogAnswer.Found<>(keys.verifierKeys());
  }

  /**
   * Signs and keeps a checkpoint of the petition's log when it has grown since the latest one kept (or none
   * is kept yet). Answers whether one was made. A scheduler calls it every checkpoint interval.
   */
  public boolean checkpointIfGrown(String slug) {
    if (!enabled() || store.petition(slug).isEmpty()) {
      return false;
    }
    Frontier frontier = store.logFrontier(slug);
    Optional<String> latest = store.latestCheckpoint(slug);
    if (latest.isPresent() && Checkpoint.parse(noteText(latest.get())).size() >= frontier.size()) {
      return false;
    }
    store.saveCheckpoint(slug, frontier.size(), Checkpoint.of(origin(slug), frontier).sign(signingKeys()),
        clock.instant());
    return true;
  }

  /** {@link #checkpointIfGrown} for every petition; answers how many checkpoints were made. */
  public int checkpointAll() {
    int made = 0;
    for (Petition petition : store.petitions()) {
      if (checkpointIfGrown(petition.slug())) {
        made++;
      }
    }
    return made;
  }

  /**
   * The latest signed checkpoint of the petition's log (a C2SP signed note); the first is made on demand.
   */
  public LogAnswer<String> checkpoint(String slug) {
    LogAnswer<Frontier> known = known(slug);
    if (!(known instanceof LogAnswer.Found<Frontier>)) {
      return retype(known);
    }
    Optional<String> latest = store.latestCheckpoint(slug);
    if (latest.isEmpty()) {
      checkpointIfGrown(slug);
      latest = store.latestCheckpoint(slug);
    }
    return latest.<LogAnswer<String>>map(LogAnswer.Found::new)
        .orElseGet(() -> new LogAnswer.NotKept<>("no checkpoint could be made"));
  }

  /**
   * The bytes of entries {@code start} to {@code end - 1}: at most {@value #MAX_ENTRIES} (fewer when more are
   * asked; ask again from where the answer stopped). {@code start} may be at most {@code end}, {@code end}
   * at most the log's size.
   */
  public LogAnswer<List<byte[]>> entries(String slug, long start, long end) {
    LogAnswer<Frontier> known = known(slug);
    if (!(known instanceof LogAnswer.Found<Frontier> found)) {
      return retype(known);
    }
    long size = found.value().size();
    if (start < 0) {
      return new LogAnswer.BadParameter<>("start", "must not be negative");
    }
    if (end > size) {
      return new LogAnswer.BadParameter<>("end", "must be at most the log's size, " + size);
    }
    if (start > end) {
      return new LogAnswer.BadParameter<>("start", "must be at most end, " + end);
    }
    return new LogAnswer.Found<>(store.logEntries(slug, start, Math.min(end, start + MAX_ENTRIES)));
  }

  /** The RFC 9162 inclusion proof of entry {@code index} in the tree of the first {@code size} entries. */
  public LogAnswer<List<byte[]>> inclusion(String slug, long index, long size) {
    LogAnswer<Frontier> known = known(slug);
    if (!(known instanceof LogAnswer.Found<Frontier> found)) {
      return retype(known);
    }
    long logSize = found.value().size();
    if (size < 1 || size > logSize) {
      return new LogAnswer.BadParameter<>("size", "must be from 1 to the log's size, " + logSize);
    }
    if (index < 0 || index >= size) {
      return new LogAnswer.BadParameter<>("index", "must be from 0 to size - 1, " + (size - 1));
    }
    return new LogAnswer.Found<>(MerkleTree.inclusionProof(index, size, nodes(slug)));
  }

  /** The RFC 9162 consistency proof from the tree of the first {@code from} entries to that of {@code to}. */
  public LogAnswer<List<byte[]>> consistency(String slug, long from, long to) {
    LogAnswer<Frontier> known = known(slug);
    if (!(known instanceof LogAnswer.Found<Frontier> found)) {
      return retype(known);
    }
    long logSize = found.value().size();
    if (to < 0 || to > logSize) {
      return new LogAnswer.BadParameter<>("to", "must be from 0 to the log's size, " + logSize);
    }
    if (from < 0 || from > to) {
      return new LogAnswer.BadParameter<>("from", "must be from 0 to to, " + to);
    }
    return new LogAnswer.Found<>(MerkleTree.consistencyProof(from, to, nodes(slug)));
  }

  /**
   * The receipt of the signature a confirmation link confirmed and counted as {@code number}: empty when the
   * link is not valid now or the signature does not count under that number.
   */
  public Optional<Receipt> receipt(String confirmToken, long number) {
    Objects.requireNonNull(confirmToken, "confirmToken must not be null");
    if (!store.logEnabled()) {
      return Optional.empty();
    }
    TokenVerification verification = tokens.verify(confirmToken, TokenPurpose.CONFIRM, clock.instant());
    if (!(verification instanceof TokenVerification.Valid valid)) {
      return Optional.empty();
    }
    return receiptOf(valid.scope(), number);
  }

  /** The receipt of the signature counted as {@code number} on the petition: its latest COUNTED entry. */
  public Optional<Receipt> receiptOf(String slug, long number) {
    if (!store.logEnabled()) {
      return Optional.empty();
    }
    Optional<LogEntry> entry = store.countedEntry(slug, number);
    return entry.map(found -> new Receipt(found.seq(), found.bytes()));
  }

  private LogAnswer<Frontier> known(String slug) {
    if (!store.logEnabled()) {
      return new LogAnswer.NotKept<>("this instance keeps no transparency log");
    }
    if (slug == null || store.petition(slug).isEmpty()) {
      return new LogAnswer.UnknownPetition<>();
    }
    return new LogAnswer.Found<>(store.logFrontier(slug));
  }

  private NodeSource nodes(String slug) {
    return (level, index) -> store.logNode(slug, level, index);
  }

  private LogKeys signingKeys() {
    return Objects.requireNonNull(keys, "log keys");
  }

  // The note's text: everything before the blank line that separates the signatures.
  private static String noteText(String signedNote) {
    int blank = signedNote.indexOf("\n\n");
    return blank < 0 ? signedNote : signedNote.substring(0, blank + 1);
  }

  @SuppressWarnings("unchecked")
  private static <T> LogAnswer<T> retype(LogAnswer<?> answer) {
    return (LogAnswer<T>) answer; // never a Found: the others carry no value
  }
}
