package org.petition.benchmarks;

import static org.petition.benchmarks.FloorBytes.getLong;
import static org.petition.benchmarks.FloorTokens.PAYLOAD;
import static org.petition.benchmarks.FloorTokens.TAG;

import java.net.IDN;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
import org.petition.privacy.internal.InMemoryConsentLedger;
import org.petition.internal.HmacSha256;

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
 *       exactly as {@code ConsentChain} does); and the count's entry in the petition's transparency log
 *       (see {@link FloorLog}: one keyed commitment, the entry's bytes, its leaf hash and the node hashes
 *       it completes; checked at setup to give the library's entries and root).
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
    /** CPU time of this thread in the measured calls (ns); cpuNanos / allocCalls is CPU per call. */
    public long cpuNanos;
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
      cpuNanos = meter.cpuNanos();
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
    /** CPU time of this thread in the measured calls (ns); cpuNanos / allocCalls is CPU per call. */
    public long cpuNanos;
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
      cpuNanos = meter.cpuNanos();
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
  // The floors: the same work with the building blocks directly (see SignFloor, ConfirmFloor).

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** The unavoidable work of {@code sign}, listed in {@link SignFloor}. */
  @Benchmark
  public String signFloor(SignFloor floor, SignFloorThread thread, Blackhole blackhole) {
    return floor.sign(thread, blackhole);
  }

  /**
   * Session 7's floor of {@code sign} (without the name's skeleton and the names' word-list match), kept as a
   * second column so the ratio against the floor as it was is still reported; see {@link SignFloor}.
   */
  @Benchmark
  public String signFloorS7(SignFloor floor, SignFloorThread thread, Blackhole blackhole) {
    return floor.signS7(thread, blackhole);
  }

  /**
   * The unavoidable work of {@code confirm}: decode the token, one HMAC verify (the library's {@code HmacSha256}),
   * {@link MessageDigest#isEqual}, the expiry; look the signature up and replace it by its confirmed copy
   * (one map read, one conditional replace); append its three consent grants to the ledger, one chained
   * SHA-256 record each ({@link FloorLedger#appendGrants}); append the count's entry to the petition's
   * transparency log ({@link FloorLog#appendCounted}: the signer commitment, the entry, its leaf and node hashes).
   */
  @Benchmark
  public boolean confirmFloor(ConfirmFloor floor, ConfirmFloorThread thread) {
    Instant now = Instant.now();
    byte[] token = Base64.getUrlDecoder().decode(thread.next());
    if (token.length != PAYLOAD + TAG || token[0] != 1 || token[1] != 1) {
      return false;
    }
    HmacSha256 mac = thread.mac;
    mac.update(token, 0, PAYLOAD);
    mac.doFinal(thread.tag, 0);
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
    // The count's entry in the petition's transparency log (the store keeps one: see FloorLog).
    return floor.log.appendCounted(id, now) > 0;
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
}
