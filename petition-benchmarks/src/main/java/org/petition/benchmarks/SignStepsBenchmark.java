package org.petition.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.validator.routines.EmailValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.petition.SignResult;
import org.petition.SignatureRequest;
import org.petition.SignerKind;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.identity.NameSkeleton;
import org.petition.internal.SigningValidator;
import org.petition.internal.ValidSigning;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;
import org.petition.privacy.ConsentGrant;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.token.TokenPurpose;

/**
 * A diagnostic, not a target: each step {@code Petitions.sign} takes for a new person without phone, called
 * on its own with the same inputs as {@link HotPathBenchmark#sign}, so {@code -prof gc} and the scores say
 * which step costs what time and allocation. The steps run in the order {@code sign} runs them; their sum
 * should come near {@link #sign}. Inputs are prepared for 4,096 signers and reused, except where a step
 * needs a new signer (insert, sign).
 *
 * <pre>
 * java -jar petition-benchmarks/target/benchmarks.jar SignStepsBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Thread)
public class SignStepsBenchmark {

  private static final int SIGNERS = 4096;
  private static final int PREFILL = 10_000;

  private LibraryFixture fixture;
  private final SigningValidator validator = new SigningValidator(org.petition.SigningLimits.ofDefaults());
  private final EmailValidator emails = EmailValidator.getInstance(false, false);
  private final EmailCanonicalizer canonicalizer = EmailCanonicalizer.ofDefaults();
  private final IdentityHasher identity = IdentityHasher.of(LibraryFixture.randomBytes(32));
  private final DisplayNames displayNames = DisplayNames.ofDefaults();
  private final PersonalDataCipher cipher =
      PersonalDataCipher.of(DataKeys.of(List.of(new DataKey("d1", LibraryFixture.randomBytes(32)))));
  private final byte[] slugBytes = LibraryFixture.SLUG.getBytes(StandardCharsets.UTF_8);

  private SignatureRequest[] requests;
  private ValidSigning[] signings;
  private String[] canonical;
  private String[] fullNames;
  private String[] skeletons;
  private byte[][] nameKeys;
  private String[] displayNamesShown;
  private byte[][] encoded;
  private List<ConsentGrant> grants;
  private int i;
  private long next;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new LibraryFixture();
    fixture.prefill(PREFILL);
    Instant now = Instant.now();
    requests = new SignatureRequest[SIGNERS];
    signings = new ValidSigning[SIGNERS];
    canonical = new String[SIGNERS];
    fullNames = new String[SIGNERS];
    skeletons = new String[SIGNERS];
    nameKeys = new byte[SIGNERS][];
    displayNamesShown = new String[SIGNERS];
    encoded = new byte[SIGNERS][];
    for (int k = 0; k < SIGNERS; k++) {
      requests[k] = LibraryFixture.request('q', k, false);
      SigningValidator.Outcome outcome = validator.validate(fixture.petition, requests[k], now);
      if (!(outcome instanceof ValidSigning s)) {
        throw new IllegalStateException("a corpus signing is invalid: " + outcome);
      }
      signings[k] = s;
      canonical[k] = canonicalizer.canonicalize(s.email());
      fullNames[k] = s.lastName() == null ? s.firstName() : s.firstName() + " " + s.lastName();
      skeletons[k] = NameSkeleton.skeleton(fullNames[k]);
      nameKeys[k] = identity.nameKey(skeletons[k]);
      displayNamesShown[k] = displayNames.displayName(DisplayNamePolicy.FIRST_NAME_LAST_INITIAL, SignerKind.PERSON,
          s.firstName(), s.lastName(), null, null, 0);
      encoded[k] = new PersonalData(s.email(), null, s.firstName(), s.lastName(), null, null).encode();
    }
    grants = fixture.petition.consents().stream().map(ConsentGrant::of).toList();
  }

  @TearDown(Level.Iteration)
  public void purge() {
    fixture.purgePending();
  }

  private int nextIndex() {
    i = (i + 1) & (SIGNERS - 1);
    return i;
  }

  /** 0. What the host does: build the request from the form's strings (harness + SignatureRequest). */
  @Benchmark
  public SignatureRequest s00_buildRequest() {
    return LibraryFixture.request('q', next++, false);
  }

  /** 1. SigningValidator.validate: every field (names, email with Commons Validator, country, consents). */
  @Benchmark
  public SigningValidator.Outcome s01_validate() {
    return validator.validate(fixture.petition, requests[nextIndex()], Instant.now());
  }

  /** 1a. Of which: Commons Validator's EmailValidator.isValid alone. */
  @Benchmark
  public boolean s01a_commonsEmailValidator() {
    return emails.isValid(signings[nextIndex()].email());
  }

  /** 2. EmailCanonicalizer.canonicalize and domainOf. */
  @Benchmark
  public void s02_canonicalize(Blackhole blackhole) {
    String email = signings[nextIndex()].email();
    blackhole.consume(canonicalizer.canonicalize(email));
    blackhole.consume(canonicalizer.domainOf(email));
  }

  /** 3. The full name and its UTS #39 skeleton (ICU). */
  @Benchmark
  public String s03_skeleton() {
    ValidSigning s = signings[nextIndex()];
    return NameSkeleton.skeleton(s.firstName() + " " + s.lastName());
  }

  /** 4. The email and name keys: two HMAC-SHA256. */
  @Benchmark
  public void s04_identityKeys(Blackhole blackhole) {
    int k = nextIndex();
    blackhole.consume(identity.emailKey(canonical[k]));
    blackhole.consume(identity.nameKey(skeletons[k]));
  }

  /** 5. The store's near-duplicate lookup (petition of 10k signatures, no city, no network). */
  @Benchmark
  public boolean s05_nearDuplicate() {
    return fixture.store.hasNearDuplicate(LibraryFixture.SLUG, nameKeys[nextIndex()], null, null);
  }

  /** 6. The public display name ("Frank C.", "김○○"). */
  @Benchmark
  public String s06_displayName() {
    ValidSigning s = signings[nextIndex()];
    return displayNames.displayName(DisplayNamePolicy.FIRST_NAME_LAST_INITIAL, SignerKind.PERSON, s.firstName(),
        s.lastName(), null, null, 0);
  }

  /** 7. PersonalData's binary encoding. */
  @Benchmark
  public byte[] s07_encodePersonalData() {
    ValidSigning s = signings[nextIndex()];
    return new PersonalData(s.email(), null, s.firstName(), s.lastName(), null, null).encode();
  }

  /** 8. AES-256-GCM sealing of the encoded personal data. */
  @Benchmark
  public byte[] s08_seal() {
    return cipher.seal(encoded[nextIndex()], slugBytes);
  }

  /** 9. NewSignature and the store's insert (a random email key each time: a new signer). */
  @Benchmark
  public InsertOutcome s09_insert() {
    int k = nextIndex();
    ValidSigning s = signings[k];
    byte[] emailKey = new byte[32];
    ThreadLocalRandom.current().nextBytes(emailKey);
    NewSignature draft = new NewSignature(LibraryFixture.SLUG, SignerKind.PERSON, emailKey, 0, null, nameKeys[k],
        null, displayNamesShown[k], false, null, false, null, null, s.country(), "gmail.com", null, encoded[k],
        s.receivedAt(), false, List.of(), grants, null, null, s.locale().toLanguageTag());
    return fixture.store.insert(draft, false);
  }

  /** 10. The confirmation and revocation tokens. */
  @Benchmark
  public void s10_mintTokens(Blackhole blackhole) {
    long id = next++;
    Instant signedAt = Instant.now();
    blackhole.consume(fixture.tokens.mint(TokenPurpose.CONFIRM, id, LibraryFixture.SLUG, signedAt.plusSeconds(604_800)));
    blackhole.consume(fixture.tokens.mint(TokenPurpose.REVOKE, id, LibraryFixture.SLUG, signedAt.plusSeconds(2_592_000)));
  }

  /** 11. The message handed to the sender, with its two links. */
  @Benchmark
  public OutgoingMessage s11_message() {
    ValidSigning s = signings[nextIndex()];
    return new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, s.email(), Locale.ENGLISH, fixture.petition.title(),
        "https://petitions.example.org/confirm?token=" + canonical[i], "https://petitions.example.org/revoke?token="
            + canonical[i]);
  }

  /** The whole of it: Petitions.sign of a new signer built here (compare with the sum of the steps + s00). */
  @Benchmark
  public SignResult s99_sign() {
    return fixture.petitions.sign(LibraryFixture.request('q', next++, false));
  }
}
