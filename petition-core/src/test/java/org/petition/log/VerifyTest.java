package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line verifier against a log served over real HTTP (the JDK's server on 127.0.0.1): an
 * honest log verifies, and each kind of tampering is caught with its own message.
 */
class VerifyTest {

  @TempDir
  Path dir;

  private final List<ServedLog> logs = new ArrayList<>();
  private String out = "";
  private String err = "";

  @AfterEach
  void stop() {
    logs.forEach(ServedLog::close);
  }

  @Test
  void anHonestLogVerifiesAndItsCountIsPrinted() throws IOException {
    ServedLog log = serve("my-petition").populate(2300);
    assertThat(log.entries).hasSize(2530);

    assertThat(verify(log.baseUrl(), "my-petition")).isEqualTo(Verify.VERIFIED);
    assertThat(out).startsWith("verified: petition my-petition counts 2070 signatures\n")
        .contains(": 2530 entries (2300 COUNTED, 230 UNCOUNTED), root ")
        .contains("checkpoint signed by " + log.keys.signer().verifier().label());
    assertThat(err).isEmpty();
    assertThat(log.count()).isEqualTo(2070);
    // Three pages of at most 1,000 entries.
    assertThat(log.requests).filteredOn(r -> r.contains("/log/entries"))
        .containsExactly("/api/petitions/my-petition/log/entries?start=0&end=1000",
            "/api/petitions/my-petition/log/entries?start=1000&end=2000",
            "/api/petitions/my-petition/log/entries?start=2000&end=2530");
  }

  @Test
  void theLogGrowsConsistentlyWithAPreviousCheckpoint() throws IOException {
    ServedLog log = serve("p").populate(1200);
    Path previous = save(log.checkpoint());
    log.populate(500);
    assertThat(verify(log.baseUrl(), "p", previous.toString())).isEqualTo(Verify.VERIFIED);
    assertThat(out).contains("consistent with the previous checkpoint (1320 entries)");
    // Also when nothing was added, and from a power of two (the RFC's special case).
    assertThat(verify(log.baseUrl(), "p", save(log.checkpoint()).toString())).isEqualTo(Verify.VERIFIED);
    ServedLog small = serve("q");
    for (int i = 1; i <= 8; i++) {
      small.count(i, i);
    }
    Path eight = save(small.checkpoint());
    small.count(9, 9);
    assertThat(verify(small.baseUrl(), "q", eight.toString())).isEqualTo(Verify.VERIFIED);
  }

  @Test
  void aServerThatAnswersShortPagesIsFollowed() throws IOException {
    ServedLog log = serve("p").populate(900);
    log.pageLimit = 137;
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.VERIFIED);
    assertThat(out).contains("counts 810 signatures");
  }

  @Test
  void aTamperedEntryIsFoundByIndex() throws IOException {
    ServedLog log = serve("p").populate(2300);
    LogEntry honest = LogEntry.parse(log.entries.get(1733));
    byte[] forged = new LogEntry(honest.petition(), honest.seq(), honest.type(), honest.number() + 1, honest.at(),
        honest.signer()).bytes();
    log.servedEntries = entries -> replace(entries, 1733, forged);

    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: entry 1733 is not the entry the checkpoint commits to (the 2530 entries "
        + "served rebuild the root ").contains("by the server's consistency proofs, entries 0 to 1732 match)");
  }

  @Test
  void aTamperedFirstEntryOrLastEntryIsFoundToo() throws IOException {
    ServedLog log = serve("p").populate(1000);
    byte[] first = log.entries.get(0).clone();
    first[first.length - 3] ^= 1; // inside the base64 of the signer
    log.servedEntries = entries -> replace(entries, 0, first);
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: entry 0 is not the entry the checkpoint commits to")
        .contains("no entry before it match");

    byte[] last = "{\"petition\":\"p\"}".getBytes(StandardCharsets.UTF_8);
    log.servedEntries = entries -> replace(entries, entries.size() - 1, last);
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: entry 1099 is not the entry the checkpoint commits to")
        .contains("; entry 1099 is malformed: an entry has the members");
  }

  @Test
  void entriesOutOfOrderAreCaught() throws IOException {
    ServedLog log = serve("p").populate(50);
    log.servedEntries = entries -> {
      Collections.swap(entries, 10, 11);
      return entries;
    };
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: entry 10 is not the entry the checkpoint commits to")
        .endsWith("; entry 10 carries seq 11: the entries are out of order\n");
  }

  @Test
  void aMissingOrExtraEntryIsCaught() throws IOException {
    ServedLog log = serve("p").populate(50);
    log.servedEntries = entries -> {
      entries.remove(20);
      return entries;
    };
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the server returned no entries from index 54 on, but the checkpoint has 55\n");
    log.servedEntries = entries -> {
      entries.add(20, entries.get(20));
      return entries;
    };
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: entry 21 is not the entry the checkpoint commits to")
        .endsWith("; entry 21 carries seq 20: the entries are out of order\n");
  }

  @Test
  void aSourceThatAnswersMoreThanAskedOrCannotProveIsCaught() throws IOException {
    ServedLog log = serve("p").populate(30);
    LogSource http = LogSource.http(log.baseUrl());
    LogSource generous = new Delegating(http) {
      @Override
      public List<byte[]> entries(String slug, long start, long end) throws IOException {
        List<byte[]> entries = new ArrayList<>(http.entries(slug, start, end));
        entries.add(entries.get(0));
        return entries;
      }
    };
    PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
    assertThat(Verify.run(new String[] {"http://unused", "p"}, nowhere, nowhere, base -> generous))
        .isEqualTo(Verify.FAILED);
    assertThatThrownBy(() -> LogVerifier.of(generous).verify("p", null))
        .hasMessage("asked for entries 0 to 32, the server returned 34");
    // A tampered entry when the server gives no proofs: the mismatch is reported without an index.
    log.servedEntries = entries -> replace(entries, 3, entries.get(4));
    LogSource unprovable = new Delegating(http) {
      @Override
      public List<byte[]> consistency(String slug, long from, long to) throws IOException {
        throw new IOException("no proofs today");
      }
    };
    assertThatThrownBy(() -> LogVerifier.of(unprovable).verify("p", null))
        .hasMessageStartingWith("the entries served are not the log the checkpoint commits to: the 33 entries served "
            + "rebuild the root ");
  }

  @Test
  void aTamperedRootHashBreaksTheSignature() throws IOException {
    ServedLog log = serve("p").populate(30);
    log.servedCheckpoint = note -> {
      String[] lines = note.split("\n", -1);
      char[] root = lines[2].toCharArray();
      root[5] = root[5] == 'A' ? 'B' : 'A';
      lines[2] = new String(root);
      return String.join("\n", lines);
    };
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the latest checkpoint: the signature by key "
        + log.keys.signer().verifier().label() + " does not verify\n");
  }

  @Test
  void aTamperedSignatureIsCaught() throws IOException {
    ServedLog log = serve("p").populate(30);
    log.servedCheckpoint = note -> {
      int at = note.length() - 10;
      return note.substring(0, at) + (note.charAt(at) == 'A' ? 'B' : 'A') + note.substring(at + 1);
    };
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the latest checkpoint: the signature by key "
        + log.keys.signer().verifier().label() + " does not verify\n");
  }

  @Test
  void aCheckpointSignedByAnUnpublishedKeyIsRefused() throws IOException {
    ServedLog log = serve("p").populate(30);
    LogKeys other = LogKeys.of(List.of(LogKey.generate("log.example.org", new SecureRandom())));
    log.servedCheckpoint = note -> Checkpoint.open(note, log.keys.verifiers()).sign(other);
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: the latest checkpoint: the note is not signed by any known key (signed by: "
        + other.signer().verifier().label());
  }

  @Test
  void pinnedKeysAreTheOnlyOnesTrusted() throws IOException {
    ServedLog log = serve("p").populate(30);
    assertThat(verify("--key", log.keys.signer().verifierKey(), log.baseUrl(), "p")).isEqualTo(Verify.VERIFIED);
    String stranger = LogKey.generate("log.example.org", new SecureRandom()).verifierKey();
    assertThat(verify("--key", stranger, log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: the latest checkpoint: the note is not signed by any known key");
    assertThat(log.requests).filteredOn(r -> r.equals("/api/log/keys")).as("pinned keys: none fetched").isEmpty();
  }

  @Test
  void aRotatedRingStillVerifiesOldCheckpoints() throws IOException {
    LogKey old = LogKey.generate("log.example.org", new SecureRandom());
    ServedLog before = serve("p", LogKeys.of(List.of(old))).populate(100);
    Path previous = save(before.checkpoint());
    // The same log after a rotation: the new key signs, the old one is still published.
    ServedLog after = serve("p", LogKeys.of(List.of(old, LogKey.generate("log.example.org", new SecureRandom()))));
    before.entries.forEach(after::appendRaw);
    after.lastId = before.lastId;
    after.origin = before.origin;
    after.populate(10);
    assertThat(verify(after.baseUrl(), "p", previous.toString())).isEqualTo(Verify.VERIFIED);
    assertThat(out).contains("checkpoint signed by " + after.keys.signer().verifier().label())
        .contains("consistent with the previous checkpoint (110 entries)");
  }

  @Test
  void aForkFromAnEarlierCheckpointIsCaught() throws IOException {
    ServedLog log = serve("p").populate(1200);
    Path previous = save(log.checkpoint());
    // The operator rewrites history: the same first 600 entries, then others, then more than before.
    ServedLog fork = serve("p", log.keys);
    log.entries.subList(0, 600).forEach(fork::appendRaw);
    fork.origin = log.origin;
    fork.lastId = 5000;
    fork.populate(728);

    assertThat(verify(fork.baseUrl(), "p", previous.toString())).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the latest checkpoint (1400 entries) is not consistent with the previous one "
        + "(1320 entries): the log was rewritten after the previous checkpoint (a fork), or the server's consistency "
        + "proof is wrong\n");
  }

  @Test
  void aForkOfTheSameSizeAndAShrunkLogAreCaught() throws IOException {
    ServedLog log = serve("p").populate(100);
    Path previous = save(log.checkpoint());
    log.servedCheckpoint = note -> {
      Checkpoint honest = Checkpoint.open(note, log.keys.verifiers());
      return new Checkpoint(honest.origin(), honest.size(), MerkleTree.leafHash(new byte[0])).sign(log.keys);
    };
    assertThat(verify(log.baseUrl(), "p", previous.toString())).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the log forked: the previous and the latest checkpoint both have 110 entries "
        + "but different root hashes\n");

    log.servedCheckpoint = note -> Checkpoint.of(Checkpoint.open(note, log.keys.verifiers()).origin(),
        frontierOf(log.entries.subList(0, 50))).sign(log.keys);
    assertThat(verify(log.baseUrl(), "p", previous.toString())).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: the log shrank: the previous checkpoint has 110 entries, the latest 50");
  }

  @Test
  void aTamperedConsistencyProofIsCaught() throws IOException {
    ServedLog log = serve("p").populate(700);
    Path previous = save(log.checkpoint());
    log.populate(100);
    log.servedProof = proof -> {
      byte[] hash = proof.get(1).clone();
      hash[0] ^= 1;
      proof.set(1, hash);
      return proof;
    };
    assertThat(verify(log.baseUrl(), "p", previous.toString())).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: the latest checkpoint (880 entries) is not consistent with the previous one "
        + "(770 entries)");
  }

  @Test
  void aSignedLogThatDoesNotAddUpIsRefused() throws IOException {
    ServedLog twice = serve("p").populate(20);
    twice.count(3, 3); // counted again without being uncounted
    assertThat(verify(twice.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: the log the checkpoint commits to does not add up: entry 22 counts signer ")
        .endsWith(" again: it already counts, as number 3\n");

    ServedLog phantom = serve("q").populate(20);
    phantom.uncount(999, 999);
    assertThat(verify(phantom.baseUrl(), "q")).isEqualTo(Verify.FAILED);
    assertThat(err).startsWith("FAILED: the log the checkpoint commits to does not add up: entry 22 uncounts signer ")
        .endsWith(", who does not count\n");

    ServedLog renumbered = serve("r").populate(20);
    renumbered.uncount(4, 7);
    assertThat(verify(renumbered.baseUrl(), "r")).isEqualTo(Verify.FAILED);
    assertThat(err).contains("entry 22 uncounts number 7, but signer ").endsWith(" counts as number 4\n");

    ServedLog foreign = serve("s").populate(5);
    foreign.appendRaw(new LogEntry("other", 5, LogEntry.Type.COUNTED, 6, java.time.Instant.EPOCH, new byte[32]).bytes());
    assertThat(verify(foreign.baseUrl(), "s")).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the log the checkpoint commits to does not add up: entry 5 is of petition "
        + "other, not s\n");
  }

  @Test
  void aCheckpointOfAnotherPetitionIsRefused() throws IOException {
    ServedLog log = serve("p").populate(5);
    log.servedCheckpoint = note -> new Checkpoint("127.0.0.1/petitions/other", log.nodes.size(),
        log.nodes.frontier().root()).sign(log.keys);
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.FAILED);
    assertThat(err).isEqualTo("FAILED: the latest checkpoint is of log 127.0.0.1/petitions/other, not of petition p\n");
  }

  @Test
  void anEmptyLogVerifiesAsZero() throws IOException {
    ServedLog log = serve("p");
    assertThat(verify(log.baseUrl(), "p")).isEqualTo(Verify.VERIFIED);
    assertThat(out).startsWith("verified: petition p counts 0 signatures");
  }

  @Test
  void wrongArgumentsAndUnreadableLogsHaveTheirOwnExitCodes() throws IOException {
    assertThat(verify("http://127.0.0.1:1")).isEqualTo(Verify.USAGE);
    assertThat(err).startsWith("usage: java -cp");
    assertThat(verify("http://127.0.0.1:1", "Not A Slug")).isEqualTo(Verify.USAGE);
    assertThat(verify("--key", "nonsense", "http://127.0.0.1:1", "p")).isEqualTo(Verify.USAGE);
    assertThat(err).startsWith("--key: a verifier key is <name>+<key id>+<base64 key>");
    assertThat(verify("ftp://example.org", "p")).isEqualTo(Verify.USAGE);
    assertThat(verify("http://127.0.0.1:1", "p", dir.resolve("missing").toString())).isEqualTo(Verify.USAGE);
    ServedLog log = serve("p");
    assertThat(verify(log.baseUrl(), "unknown")).isEqualTo(Verify.UNREADABLE);
    assertThat(err).isEqualTo("could not read the log: GET /api/petitions/unknown/checkpoint answered HTTP 404\n");
  }

  private ServedLog serve(String slug) throws IOException {
    ServedLog log = new ServedLog(slug);
    logs.add(log);
    return log;
  }

  private ServedLog serve(String slug, LogKeys keys) throws IOException {
    ServedLog log = new ServedLog(slug, keys);
    logs.add(log);
    return log;
  }

  private Path save(String checkpoint) throws IOException {
    Path file = Files.createTempFile(dir, "checkpoint", ".txt");
    Files.writeString(file, checkpoint, StandardCharsets.UTF_8);
    return file;
  }

  private int verify(String... args) {
    int code = run(args);
    if (code == Verify.VERIFIED) {
      assertThat(err).as("standard error of a verified log").isEmpty();
    } else {
      assertThat(out).as("standard output of a failure").isEmpty();
    }
    return code;
  }

  private int run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = Verify.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8), LogSource::http);
    out = stdout.toString(StandardCharsets.UTF_8);
    err = stderr.toString(StandardCharsets.UTF_8);
    return code;
  }

  /** A source that answers what another does, unless told otherwise. */
  private static class Delegating implements LogSource {

    private final LogSource delegate;

    Delegating(LogSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public String keys() throws IOException {
      return delegate.keys();
    }

    @Override
    public String checkpoint(String slug) throws IOException {
      return delegate.checkpoint(slug);
    }

    @Override
    public List<byte[]> entries(String slug, long start, long end) throws IOException {
      return delegate.entries(slug, start, end);
    }

    @Override
    public List<byte[]> consistency(String slug, long from, long to) throws IOException {
      return delegate.consistency(slug, from, to);
    }
  }

  private static List<byte[]> replace(List<byte[]> entries, int index, byte[] entry) {
    entries.set(index, entry);
    return entries;
  }

  private static Frontier frontierOf(List<byte[]> entries) {
    Frontier frontier = Frontier.empty();
    for (byte[] entry : entries) {
      frontier = frontier.append(MerkleTree.leafHash(entry));
    }
    return frontier;
  }
}
