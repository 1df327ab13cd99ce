package org.petition.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentPurpose;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.SignatureRequest;
import org.petition.SignerKind;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;
import org.petition.identity.NameSkeleton;
import org.petition.identity.PhoneNormalizer;
import org.petition.identity.PhoneResult;
import org.petition.identity.TextNormalizer;
import org.petition.identity.TextResult;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;
import org.petition.privacy.internal.InMemoryConsentLedger;
import org.petition.store.ConfirmOutcome;
import org.petition.privacy.ConsentGrant;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.token.TokenKey;
import org.petition.token.TokenPurpose;
import org.petition.token.TokenVerification;
import org.petition.token.Tokens;

/**
 * One {@link Petitions} over an in-memory store holding the seed petition (three required consents, as the
 * tests' fixtures), with random keys. Two instances share the store and the keys: {@link #petitions} drops
 * every message (what the benchmarks measure), {@link #capturing} hands messages to the calling thread's
 * sink (to collect confirmation tokens while preparing).
 */
final class LibraryFixture {

  static final String SLUG = "us-troops-out-of-korea";
  static final String[] CONSENTS = {"terms", "privacy", "processing"};
  /** The seed petition's consent documents, in the order of {@link #CONSENTS}: every signer grants all three. */
  static final List<ConsentDocument> DOCUMENTS = List.of(
      ConsentDocument.ofText("terms", "2015-01", ConsentPurpose.TERMS, "Usage and Limitations of Services"),
      ConsentDocument.ofText("privacy", "2015-01", ConsentPurpose.PRIVACY_POLICY, "Privacy Policy"),
      ConsentDocument.ofText("processing", "2015-01", ConsentPurpose.DATA_PROCESSING, "Personal Data Processing"));

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Consumer<OutgoingMessage>> SINK = new ThreadLocal<>();
  private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

  /** The store's consent ledger, the library's default one, held to roll it back (see {@link #checkpoint}). */
  final InMemoryConsentLedger ledger = new InMemoryConsentLedger(ConsentChain.ofDefaults());
  final InMemorySignatureStore store = new InMemorySignatureStore(ledger);
  final Tokens tokens = Tokens.of(TokenKey.of("k1", randomBytes(32)));
  final Petition petition;
  final Petitions petitions;
  final Petitions capturing;
  private final IdentityHasher identity;
  private final DataKeys dataKeys = DataKeys.of(List.of(new DataKey("d1", randomBytes(32))));

  LibraryFixture() {
    byte[] identitySecret = randomBytes(32);
    this.identity = IdentityHasher.of(identitySecret);
    this.petition = Petition.builder(SLUG)
        .title("60th Anniversary of U.S. Occupation of South Korea")
        .text("People of conscience around the world demand the immediate removal of U.S. military forces.")
        .target("U.S. Government")
        .author("Concetta Wise")
        .category("Business and Companies")
        .goal(1000)
        .goal("US", 200)
        .goal("KR", 1000)
        .consent(DOCUMENTS.get(0))
        .consent(DOCUMENTS.get(1))
        .consent(DOCUMENTS.get(2))
        .build();
    // The message is dropped: the measure is the library's work, not an outbox's.
    this.petitions = builder(identitySecret).sender(message -> { }).build();
    this.capturing = builder(identitySecret).sender(message -> {
      Consumer<OutgoingMessage> sink = SINK.get();
      if (sink != null) {
        sink.accept(message);
      }
    }).build();
    petitions.register(petition);
  }

  private Petitions.Builder builder(byte[] identitySecret) {
    return Petitions.builder()
        .store(store)
        .tokenKeys(tokens)
        .identitySecret(identitySecret)
        .dataKeys(dataKeys)
        .baseUrl("https://petitions.example.org");
  }

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The form of signer {@code n} as a host builds it from the request: a person, no phone unless asked. */
  static SignatureRequest request(char prefix, long n, boolean withPhone) {
    Corpus.Name name = Corpus.name(n);
    SignatureRequest.Builder form = SignatureRequest.builder(SLUG)
        .person(name.first(), name.last())
        .email(Corpus.email(prefix, n))
        .country(name.country())
        .consent(CONSENTS)
        .locale(name.locale());
    if (withPhone) {
      form.phone(Corpus.phone(n).typed());
    }
    return form.build();
  }

  // ---------------------------------------------------------------------------------------------------
  // Prefill through the store SPI: what sign + confirm would store, at a fraction of the cost.

  /** What every signature of one full name shares: its keys and display name are the same anyway. */
  private record NameData(byte[] nameKey, String displayName, byte[] sealedTemplate) {}

  /**
   * Stores {@code size} confirmed, counted signatures, as {@code sign} then {@code confirm} would (same
   * name distribution, a distinct email key each, one in four with a phone key, sealed personal data of
   * the real length, three consents written to the ledger at confirmation), but through the store SPI.
   * Shared: immutable strings (display names, domains, country codes). Per signature, as in the real path:
   * the key arrays, the sealed array, the instants, the consent grants and everything the store and ledger
   * allocate.
   */
  void prefill(int size) {
    if (size <= 0) {
      return;
    }
    NameData[] names = nameData();
    List<ConsentGrant> grantTemplate = petition.consents().stream().map(ConsentGrant::of).toList();
    EmailCanonicalizer canonicalizer = EmailCanonicalizer.ofDefaults();
    long start = Instant.now().minusSeconds(86_400L * 30).getEpochSecond();
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    forEach(size, threads, i -> {
      int nameIndex = Corpus.nameIndex(i);
      NameData name = names[nameIndex];
      Corpus.Name typed = Corpus.name(i);
      String email = Corpus.email('p', i);
      byte[] emailKey = identity.emailKey(canonicalizer.canonicalize(email));
      byte[] phoneKey = i % 4 == 0 ? identity.phoneKey("+99" + i) : null;
      Instant signedAt = Instant.ofEpochSecond(start + i % 2_000_000);
      List<ConsentGrant> grants = new ArrayList<>(3);
      for (ConsentGrant grant : grantTemplate) {
        grants.add(new ConsentGrant(grant.documentId(), grant.version(), grant.sha256(), grant.purpose()));
      }
      NewSignature draft = new NewSignature(SLUG, SignerKind.PERSON, emailKey, 0, phoneKey, name.nameKey().clone(),
          null, name.displayName(), false, null, false, null, null, typed.country(), Corpus.domain(i), null,
          name.sealedTemplate().clone(), signedAt, false, List.of(), grants, null, null,
          typed.locale().toLanguageTag());
      InsertOutcome inserted = store.insert(draft, false);
      if (!(inserted instanceof InsertOutcome.Inserted done)) {
        throw new IllegalStateException("prefill signature " + i + " was not inserted: " + inserted);
      }
      ConfirmOutcome confirmed = store.confirm(done.id(), signedAt.plusSeconds(300));
      if (!(confirmed instanceof ConfirmOutcome.Counted)) {
        throw new IllegalStateException("prefill signature " + i + " was not counted: " + confirmed);
      }
    });
  }

  private NameData[] nameData() {
    DisplayNames displayNames = DisplayNames.ofDefaults();
    PersonalDataCipher cipher = PersonalDataCipher.of(dataKeys);
    NameData[] data = new NameData[Corpus.nameCount()];
    for (int i = 0; i < data.length; i++) {
      Corpus.Name name = Corpus.nameAt(i);
      String first = text(name.first());
      String last = text(name.last());
      byte[] nameKey = identity.nameKey(NameSkeleton.skeleton(first + " " + last));
      String display = displayNames.displayName(
          petition.displayNamePolicy() == DisplayNamePolicy.ANONYMOUS ? DisplayNamePolicy.FULL
              : petition.displayNamePolicy(), SignerKind.PERSON, first, last, null, null, 0);
      String email = Corpus.email('p', 1_000_000L + i);
      byte[] sealed = cipher.seal(new PersonalData(email, null, first, last, null, null).encode(),
          SLUG.getBytes(StandardCharsets.UTF_8));
      data[i] = new NameData(nameKey, display, sealed);
    }
    return data;
  }

  private static String text(String typed) {
    TextResult result = TextNormalizer.normalizeLine(typed, 200);
    if (!(result instanceof TextResult.Ok ok)) {
      throw new IllegalStateException("a corpus name does not normalise: " + result);
    }
    return ok.text();
  }

  // ---------------------------------------------------------------------------------------------------
  // Preparing confirmations, cleaning up, checking.

  /**
   * Signs {@code count} new signers through {@link Petitions#sign} (the capturing instance) and answers
   * their confirmation tokens, in signing order.
   */
  String[] presign(int count, LongFunction<SignatureRequest> requests, int threads) {
    String[] tokens = new String[count];
    forEach(count, threads, i -> {
      String[] captured = new String[1];
      SINK.set(message -> {
        if (message.kind() != MessageKind.CONFIRM_SIGNATURE) {
          throw new IllegalStateException("presign got a " + message.kind() + " message: not a new signing");
        }
        captured[0] = tokenOf(message.actionUrl());
      });
      try {
        SignResult result = capturing.sign(requests.apply(i));
        if (!(result instanceof SignResult.Pending) || captured[0] == null) {
          throw new IllegalStateException("presign was not accepted: " + result);
        }
      } finally {
        SINK.remove();
      }
      tokens[(int) i] = captured[0];
    });
    return tokens;
  }

  static String tokenOf(String url) {
    int at = url.indexOf("token=");
    if (at < 0) {
      throw new IllegalStateException("no token in a link");
    }
    return url.substring(at + "token=".length());
  }

  /** The signature id a confirmation token names. */
  long idOf(String token) {
    TokenVerification verification = tokens.verify(token, TokenPurpose.CONFIRM, Instant.now());
    if (!(verification instanceof TokenVerification.Valid valid)) {
      throw new IllegalStateException("a prepared token does not verify: " + verification);
    }
    return valid.subject();
  }

  /** Whether the signature named by {@code token} is confirmed. */
  boolean isConfirmed(String token) {
    return store.find(idOf(token)).map(StoredSignature::state).orElse(null) == SignatureState.CONFIRMED;
  }

  /** Revokes the signature named by {@code token} (the counts go back down), through the store SPI. */
  void revoke(String token) {
    store.revoke(idOf(token), Instant.now());
  }

  /** What the consent ledger holds now, for {@link #rollBackLedger}. */
  InMemoryConsentLedger.Checkpoint checkpoint() {
    return ledger.checkpoint();
  }

  /**
   * Forgets the consent records appended since {@code checkpoint} (an iteration's confirmations), so the
   * next iteration appends to the same ledger; a benchmark-only operation of the in-memory ledger.
   */
  void rollBackLedger(InMemoryConsentLedger.Checkpoint checkpoint) {
    ledger.rollBack(checkpoint);
  }

  /** Deletes every pending signature (what sign left behind), through the store SPI; answers how many. */
  int purgePending() {
    return store.purgePending(FAR_FUTURE, Integer.MAX_VALUE).size();
  }

  /**
   * Fails unless {@code count} signings of each kind the benchmarks make are accepted as new: a
   * confirmation message goes out (not "already signed"), and every phone of the corpus is valid.
   */
  void checkSanity(int count) {
    for (long n = 0; n < count; n++) {
      Corpus.Phone phone = Corpus.phone(n);
      PhoneResult result = PhoneNormalizer.normalize(phone.typed(), phone.country());
      if (!(result instanceof PhoneResult.Valid)) {
        throw new IllegalStateException("corpus phone " + phone + " is not valid: " + result);
      }
    }
    presign(count, n -> request('z', n, false), 1);
    presign(count, n -> request('y', n, true), 1);
    int purged = purgePending();
    if (purged != 2 * count) {
      throw new IllegalStateException("sanity signings: expected " + 2 * count + " pending, found " + purged);
    }
  }

  /** Runs {@code body} for 0..count-1 on {@code threads} threads, in contiguous chunks. */
  static void forEach(long count, int threads, LongConsumerWithIndex body) {
    if (threads <= 1 || count < 10_000) {
      for (long i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      long chunk = (count + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        long from = t * chunk;
        long to = Math.min(count, from + chunk);
        parts.add(pool.submit(() -> {
          for (long i = from; i < to; i++) {
            body.accept(i);
          }
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  @FunctionalInterface
  interface LongConsumerWithIndex {
    void accept(long i);
  }
}
