package org.petition.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.petition.internal.HmacSha256;
import org.petition.log.Frontier;
import org.petition.log.LogEntry;
import org.petition.log.MerkleTree;
import org.petition.log.SignerCommitments;
import org.petition.log.internal.EntryBytes;

/**
 * The floor's transparency log of the petition (the in-memory store keeps one by default, and so does the
 * library's {@code confirm} in the benchmark): the unavoidable work of appending the {@code COUNTED} entry
 * of one confirmation, under one lock as the count moves with it:
 *
 * <ol>
 *   <li>the signer commitment: one HMAC-SHA256 (the library's {@code HmacSha256}) of the documented message
 *       (tag, slug, 0x00, the signature id), into the 32-byte array the entry keeps;
 *   <li>the entry's bytes: the library's own writer ({@code EntryBytes}, what {@code LogEntry.bytes} calls),
 *       one array, kept;
 *   <li>its leaf hash, SHA-256(0x00 ‖ entry), and the node hashes the append completes (one on average),
 *       SHA-256(0x01 ‖ left ‖ right) each, with a reused digest into reused buffers; each kept as four longs;
 *   <li>the receipt index: the entry's position by signer number, one int.
 * </ol>
 *
 * <p>No record objects, no lists of arrays, no immutable frontier. {@link #prefill} sets the counters for the
 * prefilled signatures' entries without hashing them (their content is never read).
 * {@link #checkAgainstTheLibrary} checks at setup that an entry and the tree's root come out as the
 * library's.
 */
final class FloorLog {
  private static final byte[] TAG = "petition/log/v1/signer\0".getBytes(StandardCharsets.US_ASCII);

  private final Object lock = new Object();
  private final String slug;
  private final HmacSha256 commitments;
  private final byte[] message = new byte[TAG.length + 64 + 1 + 8];
  private final MessageDigest sha = sha256();
  private final byte[] leaf = new byte[32];
  // The frontier: the subtree roots of the tree's right edge, by level (level i is set when bit i of size is).
  private final byte[][] frontier = new byte[64][32];
  private byte[][] entries = new byte[1024][];
  private long[][] levels = new long[64][];
  private final int[] levelCounts = new int[64];
  private int[] byNumber = new int[1024];
  // What prefill counted: the kept arrays start after it (the prefilled entries and hashes are never read).
  private long prefilled;
  private long size;
  private long nextNumber = 1;

  FloorLog(String slug, byte[] commitmentKey) {
    this.slug = slug;
    this.commitments = HmacSha256.of(commitmentKey);
    System.arraycopy(TAG, 0, message, 0, TAG.length);
    for (int i = 0; i < levels.length; i++) {
      levels[i] = new long[64];
    }
  }

  /** Counts as if {@code count} entries had been appended: their slots are not kept, nothing is hashed. */
  void prefill(int count) {
    synchronized (lock) {
      prefilled = count;
      size = count;
      nextNumber = count + 1;
    }
  }

  /** Appends the {@code COUNTED} entry of signature {@code id} at {@code at}; returns its number. */
  long appendCounted(long id, Instant at) {
    synchronized (lock) {
      long number = nextNumber++;
      byte[] entry = EntryBytes.write(slug, size, "COUNTED", number, at.getEpochSecond(), at.getNano() / 1_000_000,
          commit(id));
      int position = (int) (size - prefilled);
      if (position >= entries.length) {
        entries = Arrays.copyOf(entries, entries.length * 2);
      }
      entries[position] = entry;
      int slot = (int) (number - prefilled);
      if (slot >= byNumber.length) {
        byNumber = Arrays.copyOf(byNumber, byNumber.length * 2);
      }
      byNumber[slot] = (int) size + 1;
      sha.update((byte) 0);
      sha.update(entry);
      digest(leaf);
      keep(0, leaf);
      // Merge with the frontier's subtrees while the size's low bits are ones, as Frontier.append does.
      byte[] hash = leaf;
      int level = 0;
      while ((size >>> level & 1) == 1) {
        sha.update((byte) 1);
        sha.update(frontier[level]);
        sha.update(hash);
        digest(frontier[level]);
        hash = frontier[level];
        level++;
        keep(level, hash);
      }
      System.arraycopy(hash, 0, frontier[level], 0, 32);
      size++;
      return number;
    }
  }

  private byte[] commit(long id) {
    int p = TAG.length;
    for (int i = 0; i < slug.length(); i++) {
      message[p++] = (byte) slug.charAt(i);
    }
    message[p++] = 0;
    for (int shift = 56; shift >= 0; shift -= 8) {
      message[p++] = (byte) (id >>> shift);
    }
    commitments.update(message, 0, p);
    byte[] out = new byte[32];
    commitments.doFinal(out, 0);
    return out;
  }

  private void keep(int level, byte[] hash) {
    int at = levelCounts[level]++ * 4;
    if (at + 4 > levels[level].length) {
      levels[level] = Arrays.copyOf(levels[level], levels[level].length * 2);
    }
    for (int i = 0; i < 4; i++) {
      levels[level][at + i] = FloorBytes.getLong(hash, i * 8);
    }
  }

  private void digest(byte[] into) {
    try {
      sha.digest(into, 0, 32);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The root of the tree (setup only). */
  private byte[] root() {
    byte[] root = null;
    for (int level = 0; level < 64; level++) {
      if ((size >>> level & 1) == 1) {
        root = root == null ? frontier[level].clone() : MerkleTree.nodeHash(frontier[level], root);
      }
    }
    return root == null ? MerkleTree.emptyRoot() : root;
  }

  /**
   * Fails unless the floor's entries and root are the library's: a fresh floor log and a {@link Frontier} of
   * {@link LogEntry} leaves, 37 appends (setup only: the measured calls use none of this).
   */
  static void checkAgainstTheLibrary() {
    byte[] key = LibraryFixture.randomBytes(32);
    FloorLog floor = new FloorLog(LibraryFixture.SLUG, key);
    SignerCommitments library = SignerCommitments.of(key);
    Frontier frontier = Frontier.empty();
    Instant at = Instant.now();
    for (int i = 0; i < 37; i++) {
      long number = floor.appendCounted(1000 + i, at);
      LogEntry entry = new LogEntry(LibraryFixture.SLUG, i, LogEntry.Type.COUNTED, number, at,
          library.commit(LibraryFixture.SLUG, 1000 + i));
      if (!Arrays.equals(entry.bytes(), floor.entries[i])) {
        throw new IllegalStateException("the floor's log entry differs from the library's");
      }
      frontier = frontier.append(entry.leafHash());
    }
    if (!Arrays.equals(frontier.root(), floor.root())) {
      throw new IllegalStateException("the floor's log root " + HexFormat.of().formatHex(floor.root())
          + " differs from the library's");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
