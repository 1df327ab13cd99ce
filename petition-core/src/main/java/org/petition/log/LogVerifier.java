package org.petition.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.SignerTable;
import org.petition.log.internal.StrictBase64;

/**
 * Verifies a petition's count from its log, trusting nothing the source says: that the latest checkpoint
 * is signed by a published (or pinned) key, that it is consistent with a checkpoint seen before, that the
 * entries served rebuild exactly its root hash (which proves every entry's inclusion at once), that the
 * entries are in order and of this petition, that they add up (no signer counted twice, no signer
 * uncounted who does not count), and recounts {@code COUNTED} minus {@code UNCOUNTED}. Memory: a few
 * dozen bytes per signer and a frontier per thousand entries; the entries themselves are not kept.
 */
public final class LogVerifier {

  /** The most entries asked for at once, as the API serves at most. */
  public static final int PAGE = 1000;

  private final LogSource source;
  private final @Nullable List<NoteVerifier> pinned;

  private LogVerifier(LogSource source, @Nullable List<NoteVerifier> pinned) {
    this.source = source;
    this.pinned = pinned;
  }

  /** A verifier that trusts the keys the source publishes. */
  public static LogVerifier of(LogSource source) {
    return new LogVerifier(Objects.requireNonNull(source, "source must not be null"), null);
  }

  /**
   * A verifier that trusts only {@code keys}, obtained some other way than from the log itself (a log that
   * publishes its own keys can publish new ones; pinning keys is what stops that).
   */
  public LogVerifier trusting(List<NoteVerifier> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("trust at least one key");
    }
    return new LogVerifier(source, List.copyOf(keys));
  }

  /** What a successful verification established. */
  public record Verified(
      Checkpoint checkpoint, NoteVerifier signedBy, long count, long counted, long uncounted,
      @Nullable Checkpoint previous) {}

  /**
   * Verifies petition {@code slug}'s log.
   *
   * @param previousCheckpoint a signed checkpoint of this log seen earlier, or {@code null}
   * @throws VerificationException saying exactly what failed
   * @throws IOException if the source could not be read
   * @throws IllegalArgumentException if {@code slug} is not a petition slug
   */
  public Verified verify(String slug, @Nullable String previousCheckpoint) throws VerificationException, IOException {
    if (!LogEntry.isSlug(slug)) {
      throw new IllegalArgumentException("not a petition slug: " + slug);
    }
    List<NoteVerifier> keys = pinned != null ? pinned : publishedKeys();
    SignedNote.Opened opened = open("the latest checkpoint", source.checkpoint(slug), keys);
    Checkpoint latest = parse("the latest checkpoint", opened.text());
    if (!latest.origin().endsWith("/petitions/" + slug)) {
      throw new VerificationException("the latest checkpoint is of log " + latest.origin() + ", not of petition " + slug);
    }
    Checkpoint previous = null;
    if (previousCheckpoint != null) {
      previous = parse("the previous checkpoint", open("the previous checkpoint", previousCheckpoint, keys).text());
      checkConsistency(slug, previous, latest);
    }
    Replay replay = new Replay(slug);
    for (long start = 0; start < latest.size(); ) {
      long end = Math.min(start + PAGE, latest.size());
      List<byte[]> page = source.entries(slug, start, end);
      if (page.isEmpty()) {
        throw new VerificationException("the server returned no entries from index " + start + " on, but the "
            + "checkpoint has " + latest.size());
      }
      if (page.size() > end - start) {
        throw new VerificationException("asked for entries " + start + " to " + (end - 1) + ", the server returned "
            + page.size());
      }
      for (byte[] entry : page) {
        replay.add(entry);
      }
      start += page.size();
    }
    byte[] root = replay.frontier.root();
    if (!Arrays.equals(root, latest.rootHash())) {
      throw new VerificationException(mismatch(slug, latest, replay));
    }
    if (replay.problem != null) {
      throw new VerificationException("the log the checkpoint commits to does not add up: " + replay.problem);
    }
    return new Verified(latest, opened.signedBy().get(0), replay.counted - replay.uncounted, replay.counted,
        replay.uncounted, previous);
  }

  private List<NoteVerifier> publishedKeys() throws IOException, VerificationException {
    List<NoteVerifier> keys = new ArrayList<>();
    List<String> lines = source.keys().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      try {
        keys.add(NoteVerifier.parse(lines.get(i)));
      } catch (IllegalArgumentException e) {
        throw new VerificationException("the published keys: line " + (i + 1) + " is not a verifier key: "
            + e.getMessage());
      }
    }
    if (keys.isEmpty()) {
      throw new VerificationException("the log publishes no keys");
    }
    return keys;
  }

  private static SignedNote.Opened open(String what, String note, List<NoteVerifier> keys)
      throws VerificationException {
    try {
      return SignedNote.open(note, keys);
    } catch (SignedNote.InvalidNoteException e) {
      throw new VerificationException(what + ": " + e.getMessage());
    }
  }

  private static Checkpoint parse(String what, String text) throws VerificationException {
    try {
      return Checkpoint.parse(text);
    } catch (IllegalArgumentException e) {
      throw new VerificationException(what + " is signed but is not a checkpoint: " + e.getMessage());
    }
  }

  private void checkConsistency(String slug, Checkpoint previous, Checkpoint latest)
      throws VerificationException, IOException {
    long m = previous.size();
    long n = latest.size();
    if (!previous.origin().equals(latest.origin())) {
      throw new VerificationException("the previous checkpoint is of log " + previous.origin() + ", the latest of "
          + latest.origin());
    }
    if (m > n) {
      throw new VerificationException("the log shrank: the previous checkpoint has " + m + " entries, the latest "
          + n + " (history was rewritten, or the server serves a stale checkpoint)");
    }
    if (m == n) {
      if (!Arrays.equals(previous.rootHash(), latest.rootHash())) {
        throw new VerificationException("the log forked: the previous and the latest checkpoint both have " + n
            + " entries but different root hashes");
      }
      return;
    }
    List<byte[]> proof = m == 0 ? List.of() : source.consistency(slug, m, n);
    if (!MerkleTree.verifyConsistency(m, n, previous.rootHash(), latest.rootHash(), proof)) {
      throw new VerificationException("the latest checkpoint (" + n + " entries) is not consistent with the previous "
          + "one (" + m + " entries): the log was rewritten after the previous checkpoint (a fork), or the server's "
          + "consistency proof is wrong");
    }
  }

  // The root mismatches: find, by consistency proofs against the checkpoint, the first entry that differs.
  private String mismatch(String slug, Checkpoint latest, Replay replay) {
    String roots = "the " + latest.size() + " entries served rebuild the root " + StrictBase64.encode(replay.frontier.root())
        + ", the checkpoint's is " + StrictBase64.encode(latest.rootHash());
    long first;
    try {
      first = firstDifference(slug, latest, replay.marks);
    } catch (IOException | RuntimeException e) {
      return "the entries served are not the log the checkpoint commits to: " + roots;
    }
    String detail = replay.problemAt == first && replay.problem != null ? "; " + replay.problem : "";
    return "entry " + first + " is not the entry the checkpoint commits to (" + roots + "; by the server's "
        + "consistency proofs, " + (first == 0 ? "no entry before it" : "entries 0 to " + (first - 1)) + " match)"
        + detail;
  }

  private long firstDifference(String slug, Checkpoint latest, List<Frontier> marks) throws IOException {
    long n = latest.size();
    long lo = 0; // a prefix that matches
    long hi = n; // a prefix that does not
    while (hi - lo > PAGE) {
      long mid = Math.max(lo + PAGE, (lo + hi) / 2 / PAGE * PAGE);
      if (matches(slug, latest, mid, marks.get((int) (mid / PAGE)).root())) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    List<byte[]> roots = new ArrayList<>();
    Frontier frontier = marks.get((int) (lo / PAGE));
    roots.add(frontier.root());
    for (long start = lo; start < hi; ) {
      List<byte[]> page = source.entries(slug, start, hi);
      if (page.isEmpty()) {
        throw new IOException("no entries");
      }
      for (byte[] entry : page) {
        frontier = frontier.append(MerkleTree.leafHash(entry));
        roots.add(frontier.root());
      }
      start += page.size();
    }
    long base = lo;
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (matches(slug, latest, mid, roots.get((int) (mid - base)))) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean matches(String slug, Checkpoint latest, long size, byte[] root) throws IOException {
    List<byte[]> proof = source.consistency(slug, size, latest.size());
    return MerkleTree.verifyConsistency(size, latest.size(), root, latest.rootHash(), proof);
  }

  /** The entries replayed so far: the tree's right edge, the tally, and the first thing that does not add up. */
  private static final class Replay {

    private final String slug;
    private final SignerTable signers = new SignerTable();
    private final List<Frontier> marks = new ArrayList<>(List.of(Frontier.empty()));
    private Frontier frontier = Frontier.empty();
    private long counted;
    private long uncounted;
    private @Nullable String problem;
    private long problemAt = -1;

    Replay(String slug) {
      this.slug = slug;
    }

    void add(byte[] bytes) {
      long index = frontier.size();
      frontier = frontier.append(MerkleTree.leafHash(bytes));
      if (frontier.size() % PAGE == 0) {
        marks.add(frontier);
      }
      LogEntry entry;
      try {
        entry = LogEntry.parse(bytes);
      } catch (IllegalArgumentException e) {
        note(index, "entry " + index + " is malformed: " + e.getMessage());
        return;
      }
      if (entry.seq() != index) {
        note(index, "entry " + index + " carries seq " + entry.seq() + ": the entries are out of order");
      }
      if (!entry.petition().equals(slug)) {
        note(index, "entry " + index + " is of petition " + entry.petition() + ", not " + slug);
      }
      byte[] signer = entry.signer();
      long known = signers.get(signer);
      String who = "signer " + StrictBase64.encode(signer);
      if (entry.type() == LogEntry.Type.COUNTED) {
        counted++;
        if (known > 0) {
          note(index, "entry " + index + " counts " + who + " again: it already counts, as number " + known);
        }
        signers.put(signer, entry.number());
      } else {
        uncounted++;
        if (known <= 0) {
          note(index, "entry " + index + " uncounts " + who + ", who does not count");
        } else if (known != entry.number()) {
          note(index, "entry " + index + " uncounts number " + entry.number() + ", but " + who + " counts as number "
              + known);
        }
        signers.put(signer, known > 0 ? -known : -entry.number());
      }
    }

    private void note(long index, String what) {
      if (problem == null) {
        problem = what;
        problemAt = index;
      }
    }
  }
}
