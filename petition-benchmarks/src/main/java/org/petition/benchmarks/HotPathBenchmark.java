package org.petition.benchmarks;

import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.apache.commons.validator.routines.EmailValidator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.petition.ConfirmResult;
import org.petition.SignResult;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.privacy.internal.AesGcmSealer;
import org.petition.privacy.internal.InMemoryConsentLedger;

/**
 * The hot paths of the library against their floors, in one run so the ratios compare like with like.
 *
 * <ul>
 *   <li>{@code sign}: {@code Petitions.sign} of a new, valid person without phone (names in seven scripts, a
 *       new address each time at a real domain, the three consents of the seed petition) on the in-memory
 *       store, the confirmation message dropped. {@code signFloor}: the same signing done with the same
 *       building blocks and no library code: NFC of the names, Commons Validator's email check,
 *       canonicalisation (lower case, no +tag, {@link IDN#toASCII}), one {@link ConcurrentHashMap#putIfAbsent},
 *       one HMAC-SHA256 token with a reused {@link Mac}.
 *   <li>{@code confirm}: {@code Petitions.confirm} of a pending signature (each iteration's batch is signed
 *       through the API beforehand, its tokens taken from a capturing sender), which counts it and appends
 *       its three consent grants to the consent ledger. {@code confirmFloor}: the token's decode, one HMAC
 *       verify with a reused {@link Mac}, {@link MessageDigest#isEqual} and the expiry; one map read and one
 *       conditional replace (the lookup and the state change); and the ledger append: per grant one record
 *       encoded in the layout of {@code docs/PRIVACY-FORMATS.md} (what every record of the petition shares
 *       encoded once per thread) and its SHA-256 over the previous record's hash, under the chain's lock,
 *       the hash kept as the chain's head and stored (see {@link FloorLedger}; checked at setup to hash
 *       exactly as {@code ConsentChain} does).
 *   <li>{@code signWithPhone}: {@code sign} with a phone in national or international form of the signer's
 *       country; {@code phoneFloor}: libphonenumber's parse, isValid and E.164 format of the same input.
 * </ul>
 *
 * <p>Every method runs as timed batches of {@link #BATCH} calls per thread and iteration ({@link
 * Mode#SingleShotTime} with {@code batchSize}); {@link OperationsPerInvocation} makes JMH divide each batch's
 * time by {@link #BATCH}, so scores are ns per call. (Overriding {@code -bm} or {@code -bs} on the command
 * line would break that.) Batches rather than timed iterations, because each call changes the state: a
 * signing adds a pending signature and a confirmation needs one prepared; with batches an iteration adds
 * exactly {@link #BATCH} signatures per thread, and prepares exactly as many confirmations as it makes.
 *
 * <p>{@code size} is the number of confirmed signatures the petition already holds, stored before the
 * trial through the store SPI (see {@link LibraryFixture#prefill}); the floors hold as many entries in their
 * map. Pending signatures left by {@code sign} are purged before the next iteration and confirmed ones
 * revoked, so every iteration starts at {@code size}. Before each iteration of {@code confirm} the consent
 * ledger is rolled back to what the prefill left in it ({@code InMemoryConsentLedger.rollBack}, an operation
 * for benchmarks only): the previous iteration's {@code 3 × BATCH} records per thread are forgotten, so each
 * iteration appends to the same ledger, {@code 3 × size} records; {@code confirmFloor} drops its own
 * ledger's appends the same way. What still accumulates: the revoked signatures, erased (about 200 B each,
 * {@link #BATCH} per thread and iteration, never read by a confirmation; the store SPI cannot delete them).
 * Every measured signing is checked to have been stored as new, every measured confirmation to have counted,
 * or the run fails.
 *
 * <p>Allocation: the thread states' {@code allocBytes}/{@code allocCalls} counters (see {@link
 * AllocationMeter}) give the bytes of the measured calls only; {@code -prof gc} also counts the iteration's
 * preparation.
 *
 * <p>About 1.8 KB of heap per stored signature (measured with {@link MemoryFootprint}): 5M fit in the 14 GiB
 * heap below, 10M (17 GiB live) do not fit on a 24 GB machine; see RESULTS.md. Run with {@code -t 1} and
 * {@code -t 2}, and {@code -prof gc}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OperationsPerInvocation(HotPathBenchmark.BATCH)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 20, batchSize = HotPathBenchmark.BATCH)
@Measurement(iterations = 10, batchSize = HotPathBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms14g", "-Xmx14g", "-XX:+UseG1GC"})
public class HotPathBenchmark {

  /**
   * Calls per timed batch and thread: one iteration of every method makes exactly this many signings or
   * confirmations, so the petition grows by a known, small amount within an iteration (at most this many
   * pending signatures on top of {@code size}) and every confirmation has its pending signature prepared.
   */
  public static final int BATCH = 5_000;

  /** How long a token of the floors lives. */
  private static final long TOKEN_TTL_SECONDS = 7 * 86_400L;

  // =====================================================================================================
  // The library

  /** The library with {@code size} confirmed signatures on the seed petition. */
  @State(Scope.Benchmark)
  public static class Library {
    @Param({"10000", "1000000", "10000000"})
    public int size;

    LibraryFixture fixture;
    final Queue<Signer> signers = new ConcurrentLinkedQueue<>();
    private boolean signs;
    private InMemoryConsentLedger.Checkpoint ledgerAfterPrefill;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
      String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      signs = method.equals("sign") || method.equals("signWithPhone");
      fixture = new LibraryFixture();
      fixture.checkSanity(200);
      fixture.prefill(size);
      if (method.equals("confirm")) {
        ledgerAfterPrefill = fixture.checkpoint();
      }
    }

    /**
     * Purges what {@code sign} left pending in the previous iteration, so each starts at {@code size}; fails
     * if any signing of it was not stored as new. Rolls the consent ledger back to what the prefill left
     * in it, forgetting the previous iteration's confirmations. Done before an iteration rather than after,
     * so it runs outside the window the benchmark threads count allocations in.
     */
    @Setup(Level.Iteration)
    public void beforeIteration() {
      purgeAndCheck();
      if (ledgerAfterPrefill != null) {
        fixture.rollBackLedger(ledgerAfterPrefill);
      }
    }

    @TearDown(Level.Trial)
    public void afterTrial() {
      purgeAndCheck();
    }

    private void purgeAndCheck() {
      // Only sign and signWithPhone leave pending signatures (confirm uses up its whole batch); a purge
      // reads every stored signature, seconds at millions.
      if (signs) {
        int purged = fixture.purgePending();
        long signed = 0;
        for (Signer signer : signers) {
          signed += signer.signedThisIteration();
        }
        if (purged != signed) {
          throw new IllegalStateException("of " + signed + " signings only " + purged
              + " were stored as new pending signatures: the benchmark measured rejections or duplicates");
        }
      }
    }
  }

  /**
   * One benchmark thread's signers: thread {@code i} of {@code t} signs as numbers {@code i, i+t, i+2t...}.
   * Its public fields are JMH secondary results: the bytes this thread allocated in the iteration's calls
   * and the number of calls ({@code chart.py} divides them for bytes per operation).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Signer {
    public long allocBytes;
    public long allocCalls;
    private final AllocationMeter meter = new AllocationMeter();
    private long next;
    private long iterationStart;
    private int stride;
    private int offset;

    @Setup(Level.Trial)
    public void setUp(Library library, ThreadParams thread) {
      stride = thread.getThreadCount();
      offset = thread.getThreadIndex();
      library.signers.add(this);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
      iterationStart = next;
      meter.begin();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
      allocBytes = meter.end();
      allocCalls = next - iterationStart;
    }

    long signedThisIteration() {
      return next - iterationStart;
    }

    long nextSigner() {
      return next++ * stride + offset;
    }
  }

  /** A new person, no phone, through the public API. */
  @Benchmark
  public SignResult sign(Library library, Signer signer) {
    return library.fixture.petitions.sign(LibraryFixture.request('s', signer.nextSigner(), false));
  }

  /** The same with a phone in national or international form. */
  @Benchmark
  public SignResult signWithPhone(Library library, Signer signer) {
    return library.fixture.petitions.sign(LibraryFixture.request('w', signer.nextSigner(), true));
  }

  /** One benchmark thread's batch of pending signatures and their confirmation tokens; counters as {@link Signer}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Confirmer {
    public long allocBytes;
    public long allocCalls;
    private final AllocationMeter meter = new AllocationMeter();
    private String[] tokens = new String[0];
    private int cursor;
    private long nextSigner;
    private int stride;
    private int offset;

    @Setup(Level.Trial)
    public void setUp(ThreadParams thread) {
      stride = thread.getThreadCount();
      offset = thread.getThreadIndex();
    }

    /** Signs a batch through {@code Petitions.sign}, collecting the tokens from the capturing sender. */
    @Setup(Level.Iteration)
    public void presign(Library library, IterationParams iteration, ThreadParams thread) {
      int count = iteration.getBatchSize();
      long first = nextSigner;
      nextSigner += count;
      // With one benchmark thread both cores prepare; with more, each thread prepares its own batch.
      int helpers = thread.getThreadCount() == 1 ? Runtime.getRuntime().availableProcessors() : 1;
      tokens = library.fixture.presign(count,
          i -> LibraryFixture.request('c', (first + i) * stride + offset, false), helpers);
      cursor = 0;
      meter.begin();
    }

    String next() {
      return tokens[cursor++];
    }

    /** Checks that every token was used once and counted; revokes them, so the next iteration starts at size. */
    @TearDown(Level.Iteration)
    public void afterIteration(Library library) {
      allocBytes = meter.end();
      allocCalls = cursor;
      if (cursor != tokens.length) {
        throw new IllegalStateException("confirmed " + cursor + " of a batch of " + tokens.length);
      }
      for (int i = 0; i < cursor; i++) {
        if (!library.fixture.isConfirmed(tokens[i])) {
          throw new IllegalStateException("a measured confirmation did not confirm its pending signature");
        }
        library.fixture.revoke(tokens[i]);
      }
    }
  }

  /** Follows the confirmation link of a pending signature, through the public API. */
  @Benchmark
  public ConfirmResult confirm(Library library, Confirmer confirmer) {
    return library.fixture.petitions.confirm(confirmer.next());
  }

  // =====================================================================================================
  // The floors: the same work with the building blocks directly, no library code.

  private static final EmailValidator EMAILS = EmailValidator.getInstance(false, false);
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** The floor's petition: canonical address to signature id, prefilled with {@code size} signers. */
  @State(Scope.Benchmark)
  public static class SignFloor {
    @Param({"10000", "1000000", "10000000"})
    public int size;

    final ConcurrentHashMap<String, Long> signatures = new ConcurrentHashMap<>();
    final byte[] tokenKey = LibraryFixture.randomBytes(32);
    final byte[] identityKey = LibraryFixture.randomBytes(32);
    final SecretKeySpec dataKey = new SecretKeySpec(LibraryFixture.randomBytes(32), "AES");

    @Setup(Level.Trial)
    public void setUp() {
      LibraryFixture.forEach(size, Runtime.getRuntime().availableProcessors(),
          i -> signatures.put(canonicalize(Corpus.email('p', i)), i));
      if (signatures.size() != size) {
        throw new IllegalStateException("prefill made " + signatures.size() + " distinct signers of " + size);
      }
    }
  }

  /** One thread's signers and {@link Mac}; counters as {@link Signer}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class SignFloorThread {
    public long allocBytes;
    public long allocCalls;
    private final AllocationMeter meter = new AllocationMeter();
    Mac mac;
    Mac identity;
    AesGcmSealer sealer;
    final SecureRandom random = new SecureRandom();
    final byte[] nonce = new byte[12];
    final byte[] text = new byte[1024];
    final byte[] token = new byte[PAYLOAD + TAG];
    final byte[] tag = new byte[32];
    final byte[] base64 = new byte[64];
    private long next;
    private long iterationStart;
    private int stride;
    private int offset;

    @Setup(Level.Trial)
    public void setUp(SignFloor floor, ThreadParams thread) throws GeneralSecurityException {
      mac = hmac(floor.tokenKey);
      identity = hmac(floor.identityKey);
      sealer = new AesGcmSealer(floor.dataKey);
      stride = thread.getThreadCount();
      offset = thread.getThreadIndex();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
      iterationStart = next;
      meter.begin();
    }

    long nextSigner() {
      return next++ * stride + offset;
    }

    /** Removes this iteration's signers, so every iteration starts at size. */
    @TearDown(Level.Iteration)
    public void afterIteration(SignFloor floor) {
      allocBytes = meter.end();
      allocCalls = next - iterationStart;
      for (long k = iterationStart; k < next; k++) {
        if (floor.signatures.remove(canonicalize(Corpus.email('s', k * stride + offset))) == null) {
          throw new IllegalStateException("a floor signing was not stored");
        }
      }
    }
  }

  /**
   * The unavoidable work of {@code sign}, with the JDK and the named libraries directly: NFC of the names,
   * Commons Validator on the email, its canonical form, the two keyed hashes the store needs (email and
   * name, HMAC-SHA256 with a per-thread {@code Mac}, their input written as UTF-8 into a per-thread buffer),
   * the personal data encoded into that buffer and sealed with AES-256-GCM into the array that is stored (a
   * fresh nonce from a per-thread {@code SecureRandom}; the library's own primitive, {@link AesGcmSealer},
   * which allocates nothing per message where the JDK's GCM allocates 1.25 KB), the insert into a concurrent
   * index that refuses a duplicate, and the two links' tokens (confirm and revoke; per-thread buffers, one
   * string each). Not in the floor, as no other petition tool does them: the content and bot checks, the
   * name skeleton, display names, events.
   */
  @Benchmark
  public String signFloor(SignFloor floor, SignFloorThread thread, Blackhole blackhole)
      throws GeneralSecurityException {
    long n = thread.nextSigner();
    Corpus.Name name = Corpus.name(n);
    String email = Corpus.email('s', n);
    String first = Normalizer.normalize(name.first(), Normalizer.Form.NFC);
    String last = Normalizer.normalize(name.last(), Normalizer.Form.NFC);
    if (!EMAILS.isValid(email)) {
      throw new IllegalStateException("the floor refused a valid address");
    }
    String canonical = canonicalize(email);
    byte[] text = thread.text;
    thread.identity.update(text, 0, utf8(canonical, text, 0));
    blackhole.consume(thread.identity.doFinal());
    int n1 = utf8(first, text, 0);
    text[n1] = ' ';
    thread.identity.update(text, 0, utf8(last, text, n1 + 1));
    blackhole.consume(thread.identity.doFinal());
    // The personal data, encoded into the thread's buffer, sealed into the array that is stored.
    int p = utf8(email, text, 0);
    text[p++] = '\n';
    p = utf8(first, text, p);
    text[p++] = '\n';
    p = utf8(last, text, p);
    thread.random.nextBytes(thread.nonce);
    byte[] sealed = new byte[SEAL_HEADER.length + 12 + p + 16];
    System.arraycopy(SEAL_HEADER, 0, sealed, 0, SEAL_HEADER.length);
    System.arraycopy(thread.nonce, 0, sealed, SEAL_HEADER.length, 12);
    thread.sealer.seal(thread.nonce, SEAL_HEADER, SLUG_BYTES, text, 0, p, sealed, SEAL_HEADER.length + 12);
    blackhole.consume(sealed);
    if (floor.signatures.putIfAbsent(canonical, n) != null) {
      throw new IllegalStateException("the floor saw a duplicate");
    }
    long expires = System.currentTimeMillis() / 1000 + TOKEN_TTL_SECONDS;
    blackhole.consume(mint(thread, n, expires));
    return mint(thread, n, expires);
  }

  /** A floor token into the thread's buffers, one string allocated. */
  static String mint(SignFloorThread thread, long id, long expiresAtSecond) {
    byte[] token = thread.token;
    token[0] = 1;
    token[1] = 1;
    putLong(token, 2, id);
    putLong(token, 10, expiresAtSecond);
    thread.mac.update(token, 0, PAYLOAD);
    try {
      thread.mac.doFinal(thread.tag, 0);
    } catch (javax.crypto.ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    System.arraycopy(thread.tag, 0, token, PAYLOAD, TAG);
    int length = Base64.getUrlEncoder().withoutPadding().encode(token, thread.base64);
    return new String(thread.base64, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** {@code text} as UTF-8 at {@code out[at]} (well-formed text); the new end. */
  static int utf8(String text, byte[] out, int at) {
    int o = at;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | (c >> 6));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        out[o++] = (byte) (0xF0 | (cp >> 18));
        out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[o++] = (byte) (0xE0 | (c >> 12));
        out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return o;
  }

  /** Lower case, no +tag, ASCII (punycode) domain: written out, no library code. */
  static String canonicalize(String email) {
    int at = email.lastIndexOf('@');
    String local = email.substring(0, at).toLowerCase(Locale.ROOT);
    int plus = local.indexOf('+', 1);
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    String domain = IDN.toASCII(email.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    return local + '@' + domain;
  }

  // A floor token: version, purpose, id, expiry (18 bytes), then 16 bytes of HMAC-SHA256; base64url.
  private static final int PAYLOAD = 18;
  private static final byte[] SLUG_BYTES = LibraryFixture.SLUG.getBytes(StandardCharsets.US_ASCII);
  /** The sealed data's header as the library writes it (version 1, a 2-character key id). */
  private static final byte[] SEAL_HEADER = {1, 2, 'd', '1'};
  private static final int TAG = 16;

  static String mint(Mac mac, long id, long expiresAtSecond) {
    byte[] token = new byte[PAYLOAD + TAG];
    token[0] = 1;
    token[1] = 1;
    putLong(token, 2, id);
    putLong(token, 10, expiresAtSecond);
    mac.update(token, 0, PAYLOAD);
    byte[] full = mac.doFinal();
    System.arraycopy(full, 0, token, PAYLOAD, TAG);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /**
   * The floor's petition: signature id to its signature (confirmed or not, and for a pending one what its
   * consent records need: the signer's 32-byte email key and language tag), with {@code size} confirmed
   * ones; and the floor's consent ledger ({@link FloorLedger}) holding their {@code 3 × size} records.
   */
  @State(Scope.Benchmark)
  public static class ConfirmFloor {
    @Param({"10000", "1000000", "10000000"})
    public int size;

    final ConcurrentHashMap<Long, FloorSignature> signatures = new ConcurrentHashMap<>();
    final byte[] tokenKey = LibraryFixture.randomBytes(32);
    final FloorLedger ledger = new FloorLedger();

    @Setup(Level.Trial)
    public void setUp() {
      LibraryFixture.forEach(size, Runtime.getRuntime().availableProcessors(),
          i -> signatures.put(i, FloorSignature.PREFILLED));
      ledger.prefill((long) size * LibraryFixture.DOCUMENTS.size());
      ledger.checkAgainstTheLibrary();
    }

    /** Drops the ledger records the previous iteration appended, so every iteration appends to the same chains. */
    @Setup(Level.Iteration)
    public void beforeIteration() {
      ledger.truncate();
    }
  }

  /**
   * A signature of the floor: the email key and language tag of its signer, and whether it is confirmed.
   * Confirming replaces it by a confirmed copy, as the store replaces its record.
   */
  record FloorSignature(byte[] emailKey, String locale, boolean confirmed) {
    /** What the prefilled, confirmed signatures hold: they are never read again. */
    static final FloorSignature PREFILLED = new FloorSignature(new byte[32], "en", true);

    FloorSignature confirm() {
      return new FloorSignature(emailKey, locale, true);
    }
  }

  /**
   * The floor's consent ledger: {@value #CHAINS} hash chains, each behind its own lock, each keeping its
   * sequence, its head as 64 ASCII hex digits and its records' SHA-256 hashes as four longs a record in
   * one growing array. No per-subject index, no record objects. {@link #prefill} sizes the chains for the
   * prefilled signatures' records without hashing them (their content is never read);
   * {@link #truncate} drops what an iteration appended, so each starts with the same records.
   */
  static final class FloorLedger {
    static final int CHAINS = 16;

    final FloorChain[] chains = new FloorChain[CHAINS];

    FloorLedger() {
      for (int i = 0; i < CHAINS; i++) {
        chains[i] = new FloorChain();
      }
    }

    void prefill(long records) {
      for (int i = 0; i < CHAINS; i++) {
        chains[i].prefill((int) (records / CHAINS + (i < records % CHAINS ? 1 : 0)));
      }
    }

    void truncate() {
      for (FloorChain chain : chains) {
        chain.truncate();
      }
    }

    /**
     * Appends the three grants of {@code signature}'s signer stamped {@code at}, in the order of the
     * documents, each record hashed exactly as {@code ConsentChain.link} hashes it (the layout of
     * {@code docs/PRIVACY-FORMATS.md}), written out with the JDK: the parts every record of the petition
     * shares were encoded once per thread ({@link FloorEncoder}); the subject (unpadded base64url of the
     * key) once per call; per record the sequence, time, evidence (formId, network and User-Agent hash
     * absent, the signer's language tag, ASCII) and the previous hash, then one SHA-256.
     */
    void appendGrants(FloorEncoder encoder, FloorSignature signature, Instant at) {
      byte[] key = signature.emailKey();
      int chainIndex = (int) Math.floorMod(getLong(key, 0), (long) CHAINS);
      byte[] record = encoder.record;
      putLong(record, FloorEncoder.CHAIN_AT, chainIndex);
      int subjectLength = FloorEncoder.SUBJECTS.encode(key, encoder.subject);
      putInt(record, FloorEncoder.SUBJECT_AT, subjectLength);
      System.arraycopy(encoder.subject, 0, record, FloorEncoder.SUBJECT_AT + 4, subjectLength);
      int termsAt = FloorEncoder.SUBJECT_AT + 4 + subjectLength;
      String locale = signature.locale();
      FloorChain chain = chains[chainIndex];
      chain.lock.lock();
      try {
        for (byte[] terms : encoder.terms) {
          putLong(record, FloorEncoder.SEQUENCE_AT, chain.count);
          int p = termsAt;
          System.arraycopy(terms, 0, record, p, terms.length);
          p += terms.length;
          putLong(record, p, at.getEpochSecond());
          putInt(record, p + 8, at.getNano());
          p += 12;
          record[p++] = 0;
          record[p++] = 0;
          record[p++] = 0;
          record[p++] = 1;
          putInt(record, p, locale.length());
          p += 4;
          for (int i = 0; i < locale.length(); i++) {
            record[p++] = (byte) locale.charAt(i);
          }
          putInt(record, p, 64);
          p += 4;
          System.arraycopy(chain.head, 0, record, p, 64);
          p += 64;
          MessageDigest sha = encoder.sha;
          sha.update(record, 0, p);
          try {
            sha.digest(encoder.digest, 0, 32);
          } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
          }
          chain.add(encoder.digest);
        }
      } finally {
        chain.lock.unlock();
      }
    }

    /**
     * Fails unless a record hashed here has the hash {@code ConsentChain.link} gives it (setup only: the
     * measured calls use no library code).
     */
    void checkAgainstTheLibrary() {
      FloorLedger probe = new FloorLedger();
      FloorEncoder encoder = new FloorEncoder();
      byte[] key = LibraryFixture.randomBytes(32);
      Instant at = Instant.now();
      probe.appendGrants(encoder, new FloorSignature(key, "ko-KR", false), at);
      String subject = ConsentSubjects.of(key);
      ConsentChain chains = ConsentChain.of(CHAINS);
      ConsentRecord previous = null;
      for (ConsentDocument document : LibraryFixture.DOCUMENTS) {
        previous = chains.link(ConsentRecord.Draft.grant(subject, LibraryFixture.SLUG, document, at,
            new ConsentRecord.Evidence(null, null, null, "ko-KR")), previous);
      }
      FloorChain chain = probe.chains[chains.chainOf(subject)];
      if (chain.count != LibraryFixture.DOCUMENTS.size()
          || !previous.hash().equals(new String(chain.head, StandardCharsets.US_ASCII))) {
        throw new IllegalStateException("the floor's consent record hash differs from ConsentChain's");
      }
    }
  }

  /** One chain of the {@link FloorLedger}; every field is guarded by {@link #lock}. */
  static final class FloorChain {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final ReentrantLock lock = new ReentrantLock();
    final byte[] head = "0".repeat(64).getBytes(StandardCharsets.US_ASCII);
    long[] hashes = new long[64];
    int count;
    private int prefilled;

    void prefill(int records) {
      // Room for a few iterations' appends before the first growth.
      hashes = new long[(records + 8_192) * 4];
      count = records;
      prefilled = records;
    }

    void truncate() {
      lock.lock();
      try {
        count = prefilled;
      } finally {
        lock.unlock();
      }
    }

    /** Stores a record's hash (32 bytes) and makes it the head. */
    void add(byte[] digest) {
      if ((count + 1) * 4 > hashes.length) {
        hashes = Arrays.copyOf(hashes, hashes.length * 2);
      }
      int at = count * 4;
      for (int i = 0; i < 4; i++) {
        hashes[at + i] = getLong(digest, i * 8);
      }
      count++;
      for (int i = 0; i < 32; i++) {
        head[2 * i] = HEX[(digest[i] >> 4) & 15];
        head[2 * i + 1] = HEX[digest[i] & 15];
      }
    }
  }

  /**
   * One thread's buffers for the floor's consent records: the record being encoded, with the domain tag
   * at its start once and for all, the encoded parts every record of the petition shares (petition,
   * purpose, document id, version and SHA-256, action: one array per document), and a reused SHA-256.
   */
  static final class FloorEncoder {
    static final Base64.Encoder SUBJECTS = Base64.getUrlEncoder().withoutPadding();
    static final int CHAIN_AT = 4 + 19;
    static final int SEQUENCE_AT = CHAIN_AT + 8;
    static final int SUBJECT_AT = SEQUENCE_AT + 8;

    final byte[] record = new byte[1024];
    final byte[] subject = new byte[64];
    final byte[] digest = new byte[32];
    final byte[][] terms;
    final MessageDigest sha;

    FloorEncoder() {
      byte[] domain = "petition.consent.v1".getBytes(StandardCharsets.UTF_8);
      putInt(record, 0, domain.length);
      System.arraycopy(domain, 0, record, 4, domain.length);
      terms = new byte[LibraryFixture.DOCUMENTS.size()][];
      for (int i = 0; i < terms.length; i++) {
        ConsentDocument document = LibraryFixture.DOCUMENTS.get(i);
        ByteBuffer out = ByteBuffer.allocate(512);
        for (String part : new String[] {LibraryFixture.SLUG, document.purpose().name(), document.id(),
            document.version(), document.sha256(), "GRANTED"}) {
          byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
          out.putInt(utf8.length).put(utf8);
        }
        terms[i] = Arrays.copyOf(out.array(), out.position());
      }
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** One thread's {@link Mac}, buffers and batch of pending signatures with their tokens; counters as {@link Signer}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class ConfirmFloorThread {
    public long allocBytes;
    public long allocCalls;
    private final AllocationMeter meter = new AllocationMeter();
    Mac mac;
    final byte[] tag = new byte[32];
    final byte[] expected = new byte[TAG];
    final byte[] given = new byte[TAG];
    final FloorEncoder encoder = new FloorEncoder();
    private String[] tokens = new String[0];
    private long[] ids = new long[0];
    private int cursor;
    private long nextId;
    private int stride;
    private int offset;
    private long nextSigner;

    @Setup(Level.Trial)
    public void setUp(ConfirmFloor floor, ThreadParams thread) {
      mac = hmac(floor.tokenKey);
      // Ids above the prefilled ones, disjoint per thread.
      nextId = floor.size + (long) thread.getThreadIndex() * (1L << 40);
      stride = thread.getThreadCount();
      offset = thread.getThreadIndex();
    }

    /**
     * Stores a batch of pending signatures (a random email key each, the language tags of the library's
     * signers) and mints their tokens.
     */
    @Setup(Level.Iteration)
    public void prepare(ConfirmFloor floor, IterationParams iteration) {
      int count = iteration.getBatchSize();
      tokens = new String[count];
      ids = new long[count];
      long expiry = System.currentTimeMillis() / 1000 + TOKEN_TTL_SECONDS;
      Mac minter = hmac(floor.tokenKey);
      for (int i = 0; i < count; i++) {
        ids[i] = nextId++;
        String locale = Corpus.name(nextSigner++ * stride + offset).locale().toLanguageTag();
        floor.signatures.put(ids[i], new FloorSignature(LibraryFixture.randomBytes(32), locale, false));
        tokens[i] = mint(minter, ids[i], expiry);
      }
      cursor = 0;
      meter.begin();
    }

    String next() {
      return tokens[cursor++];
    }

    @TearDown(Level.Iteration)
    public void afterIteration(ConfirmFloor floor) {
      allocBytes = meter.end();
      allocCalls = cursor;
      if (cursor != tokens.length) {
        throw new IllegalStateException("confirmed " + cursor + " of a batch of " + tokens.length);
      }
      for (int i = 0; i < ids.length; i++) {
        FloorSignature confirmed = floor.signatures.remove(ids[i]);
        if (i < cursor && (confirmed == null || !confirmed.confirmed())) {
          throw new IllegalStateException("a floor confirmation did not confirm");
        }
      }
    }
  }

  /**
   * The unavoidable work of {@code confirm}: decode the token, one HMAC verify with a reused {@link Mac},
   * {@link MessageDigest#isEqual}, the expiry; look the signature up and replace it by its confirmed copy
   * (one map read, one conditional replace); append its three consent grants to the ledger, one chained
   * SHA-256 record each ({@link FloorLedger#appendGrants}).
   */
  @Benchmark
  public boolean confirmFloor(ConfirmFloor floor, ConfirmFloorThread thread) {
    Instant now = Instant.now();
    byte[] token = Base64.getUrlDecoder().decode(thread.next());
    if (token.length != PAYLOAD + TAG || token[0] != 1 || token[1] != 1) {
      return false;
    }
    Mac mac = thread.mac;
    mac.update(token, 0, PAYLOAD);
    try {
      mac.doFinal(thread.tag, 0);
    } catch (javax.crypto.ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    System.arraycopy(thread.tag, 0, thread.expected, 0, TAG);
    System.arraycopy(token, PAYLOAD, thread.given, 0, TAG);
    if (!MessageDigest.isEqual(thread.expected, thread.given)) {
      return false;
    }
    if (getLong(token, 10) <= now.getEpochSecond()) {
      return false;
    }
    long id = getLong(token, 2);
    FloorSignature pending = floor.signatures.get(id);
    if (pending == null || pending.confirmed() || !floor.signatures.replace(id, pending, pending.confirm())) {
      return false;
    }
    floor.ledger.appendGrants(thread.encoder, pending, now);
    return true;
  }

  /** One thread's phone numbers; counters as {@link Signer}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class PhoneFloorThread {
    public long allocBytes;
    public long allocCalls;
    private final AllocationMeter meter = new AllocationMeter();
    private long next;
    private long iterationStart;
    private int stride;
    private int offset;

    @Setup(Level.Trial)
    public void setUp(ThreadParams thread) {
      stride = thread.getThreadCount();
      offset = thread.getThreadIndex();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
      iterationStart = next;
      meter.begin();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
      allocBytes = meter.end();
      allocCalls = next - iterationStart;
    }

    long nextSigner() {
      return next++ * stride + offset;
    }
  }

  /** libphonenumber's own work for the phones {@code signWithPhone} gets: parse, isValid, E.164. */
  @Benchmark
  public String phoneFloor(PhoneFloorThread thread) throws NumberParseException {
    Corpus.Phone phone = Corpus.phone(thread.nextSigner());
    PhoneNumber number = PHONES.parse(phone.typed(), phone.country());
    if (!PHONES.isValidNumber(number)) {
      throw new IllegalStateException("the floor refused a valid phone");
    }
    return PHONES.format(number, PhoneNumberFormat.E164);
  }

  // =====================================================================================================

  static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  private static void putInt(byte[] bytes, int offset, int value) {
    for (int i = 3; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  private static long getLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xff);
    }
    return value;
  }
}
