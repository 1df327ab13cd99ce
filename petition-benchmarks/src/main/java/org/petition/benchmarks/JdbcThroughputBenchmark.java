package org.petition.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.petition.ConfirmResult;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentPurpose;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.SignatureRequest;
import org.petition.mail.MessageKind;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.store.jdbc.JdbcLimitStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/**
 * Signatures per second through the JDBC store on a real PostgreSQL: each operation is one full signing
 * ({@code sign}: validation, checks, the near-duplicate read a city brings, the insert) followed by its
 * confirmation ({@code confirm}: state, number, sharded count and three consent-ledger records in one
 * transaction), through {@link Petitions} with a HikariCP pool, with the store's group commit off ({@code
 * batchSize=1}) and on. Throughput mode, so the score is confirmed signatures per second.
 *
 * <p>Needs {@code PETITION_PG_URL} (and {@code PETITION_PG_USER}, {@code PETITION_PG_PASSWORD}): run it with
 * {@code petition-benchmarks/jdbc-bench.sh}, which starts PostgreSQL and measures pgbench's simple-insert
 * rate on the same server first, so the two can be compared on a noisy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 5) // the JIT is still compiling for ~20 s: this much code, 2 cores shared with the server
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(32) // concurrent requests, as a web server's worker threads would bring (jdbc-bench.sh runs 32 and 64)
public class JdbcThroughputBenchmark {

  private static final String SLUG = "jdbc-throughput";
  private static final String[] DOMAINS = {"gmail.com", "naver.com", "yandex.ru", "outlook.com", "daum.net"};
  private static final String[] CITIES = {"서울", "부산", "Seoul", "Incheon", "대구", "Daejeon", "광주"};

  /** Connections in the pool; the issue leaves the choice to us. */
  @Param({"8"})
  public int poolSize;

  /** The store's group commit: 1 writes each signing and confirmation in its own transaction. */
  @Param({"1", "64"})
  public int batchSize;

  /**
   * Whether signers give a city, as most petition forms ask: a signing with one also asks the store for
   * near-duplicates (same name, same city), a read of its own.
   */
  @Param({"true"})
  public boolean city;

  /**
   * Whether the rate limits, surge counts and login throttle count in the database ({@link JdbcLimitStore}),
   * as every instance behind a load balancer must: each signing then comes from an address of its own (its
   * own IPv6 /64, so no limit refuses it) and updates its limit states, one store transaction for the rate
   * limits and one for the surge counts.
   */
  @Param({"true"})
  public boolean sharedLimits;

  /**
   * Whether the store appends the transparency log (an entry per confirmation, in its transaction). The
   * cost of the log is the ratio of the two, measured in the same run.
   */
  @Param({"true", "false"})
  public boolean transparencyLog;

  /**
   * Whether the store keeps "signers also signed" (issue 20: each counted signature linked to its signer, in the
   * confirming transaction). Signers here sign one petition, the common case: the link's round trip, no pair.
   */
  @Param({"true"})
  public boolean coSigning;

  /** Batches of each kind written at the same time. */
  @Param({"1"})
  public int concurrentBatches;

  private HikariDataSource dataSource;
  private Petitions petitions;
  private JdbcSignatureStore store;
  private final AtomicLong counter = new AtomicLong();
  /** This trial's own signers: trials share the database and its keys, and a signer signs once. */
  private final String run = Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() & 0xffff, 36);
  private long started;
  private final ThreadLocal<String> lastToken = new ThreadLocal<>();

  @Setup(Level.Trial)
  public void setUp() {
    String url = System.getenv("PETITION_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("set PETITION_PG_URL (run petition-benchmarks/jdbc-bench.sh)");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(System.getenv().getOrDefault("PETITION_PG_USER", "postgres"));
    config.setPassword(System.getenv().getOrDefault("PETITION_PG_PASSWORD", ""));
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    dataSource = new HikariDataSource(config);
    SecureRandom random = new SecureRandom();
    store = JdbcSignatureStore.builder(dataSource).schema(SCHEMA).batchSize(batchSize).concurrentBatches(concurrentBatches)
        .transparencyLog(transparencyLog).coSigning(coSigning).build();
    Petitions.Builder builder = Petitions.builder();
    if (sharedLimits) {
      builder.limitStore(JdbcLimitStore.builder(store).secret(bytes(random)).build());
    }
    petitions = builder
        .store(store)
        // Fixed keys, not random ones: every trial (a JVM of its own) writes to the same database, and the
        // store refuses keys other than those its rows were written with.
        .tokenKeys(Tokens.of(TokenKey.of("k1", fixedKey("token k1"))))
        .identitySecret(fixedKey("identity"))
        .dataKeys(DataKeys.of(new DataKey("d1", fixedKey("data d1"))))
        .sender(message -> {
          if (message.kind() == MessageKind.CONFIRM_SIGNATURE) {
            String link = message.actionUrl();
            lastToken.set(link.substring(link.indexOf("token=") + 6));
          }
        })
        .baseUrl("https://petitions.example.org")
        .build();
    petitions.register(Petition.builder(SLUG).title("JDBC throughput").goal(1_000_000)
        .consent(ConsentDocument.ofText("terms", "1", ConsentPurpose.TERMS, "Terms"))
        .consent(ConsentDocument.ofText("privacy", "1", ConsentPurpose.PRIVACY_POLICY, "Privacy"))
        .consent(ConsentDocument.ofText("processing", "1", ConsentPurpose.DATA_PROCESSING, "Processing"))
        .build());
    started = System.nanoTime();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    long confirmed = petitions.tally(SLUG).orElseThrow().confirmed();
    if (confirmed < counter.get() - 64) {
      throw new IllegalStateException("only " + confirmed + " of " + counter.get() + " signings counted");
    }
    // On stderr, so it shows in the run's log beside the score: how much the group commit batched.
    System.err.printf("elapsed: %s%nsignings: %s%nconfirmations: %s%nnear-duplicate reads: %s%n",
        Duration.ofNanos(System.nanoTime() - started), store.signingBatches(), store.confirmationBatches(),
        store.nearDuplicateBatches());
    dataSource.close();
  }

  /** One signature signed and confirmed: two transactions on PostgreSQL. */
  @Benchmark
  public long signAndConfirm() {
    long n = counter.incrementAndGet();
    SignResult signed = petitions.sign(SignatureRequest.builder(SLUG)
        .person("Signer", "Number" + run + n) // distinct people: no near-duplicate is found, so none is held
        .email("jdbc" + run + "-" + n + "@" + DOMAINS[(int) (n % DOMAINS.length)])
        .country("KR")
        .city(city ? CITIES[(int) (n % CITIES.length)] : null)
        .comment("평화 협정을 지지합니다")
        .consent("terms", "privacy", "processing")
        .userAgent("Mozilla/5.0")
        .ip(sharedLimits ? "2001:db8:" + Long.toHexString(n >>> 16 & 0xffff) + ":" + Long.toHexString(n & 0xffff) + "::1"
            : null)
        .build());
    if (!(signed instanceof SignResult.Pending)) {
      throw new IllegalStateException("signing was not taken: " + signed);
    }
    String token = lastToken.get();
    ConfirmResult confirmed = petitions.confirm(token);
    if (!(confirmed instanceof ConfirmResult.Confirmed number)) {
      throw new IllegalStateException("confirmation did not count: " + confirmed + " (token "
          + (token == null ? "missing: no confirmation mail on this thread" : "of " + token.length() + " characters") + ")");
    }
    return number.number();
  }

  /**
   * The benchmark's own schema, apart from an application's (CI runs the demo on the same database first, and
   * the store refuses keys other than those its rows were written with).
   */
  static final String SCHEMA = "petition_benchmark";

  /** A benchmark-only key: the SHA-256 of its label. */
  private static byte[] fixedKey(String label) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(("petition benchmark " + label).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return bytes;
  }

  static List<String> domains() {
    return List.of(DOMAINS);
  }
}
