package org.petition.benchmarks;

import org.petition.internal.Utf8;

import static org.petition.benchmarks.FloorTokens.TOKEN_TTL_SECONDS;
import static org.petition.benchmarks.FloorTokens.mint;

import com.ibm.icu.text.Normalizer2;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.petition.check.ContentCheck;
import org.petition.check.internal.AbuseMatcher;
import org.petition.check.internal.TermLists;
import org.petition.identity.NameSkeleton;
import org.petition.internal.DomainNames;
import org.petition.internal.FastEmailValidator;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;

/**
 * The floor of {@code sign}: its petition (canonical address to signature id, prefilled with {@code size}
 * signers) and the unavoidable work of one signing ({@link #sign}), each step the cheapest primitive that
 * does it, and where the library has its own primitive for a step, that primitive (so the floor is never
 * heavier than the library's own way of doing the same step):
 *
 * <ol>
 *   <li>NFC of the two names: ICU's {@code Normalizer2} (a quick check, no copy for text already in NFC);
 *   <li>the email's syntax: {@code FastEmailValidator.isValid}, what the library's validation calls;
 *   <li>its canonical form: lower case, no {@code +tag}, the ASCII domain ({@code DomainNames.toAsciiLowerCase},
 *       the library's, IDNA only for a non-ASCII domain);
 *   <li>the two keyed hashes the store needs (email, name): HMAC-SHA256 ({@code HmacSha256}, the library's,
 *       the JDK's SHA-256), the input written as UTF-8 into a per-thread buffer;
 *   <li>sealing the personal data: {@code PersonalData.seal} with {@code PersonalDataCipher.of}, the very
 *       call the library's draft makes (its encoding into a per-thread buffer, AES-256-GCM with a fresh
 *       nonce, into the array that is stored);
 *   <li>the store's insert: one {@code ConcurrentHashMap.putIfAbsent} that refuses a duplicate;
 *   <li>the two links' tokens (confirm and revoke): HMAC-SHA256 into per-thread buffers, one string each.
 * </ol>
 *
 * <p>Since session 8 (issue 13 item 7) two primitives that the default-configured signing cannot skip for this
 * input, each the library's own and called directly (RESULTS.md, "What is measured", says why each is
 * unavoidable):
 *
 * <ol>
 *   <li>the name's canonical form: the name key is the keyed hash of the full name's confusable skeleton
 *       ({@code NameSkeleton.skeleton(first, last)}), not of the typed text, so the floor hashes the skeleton
 *       instead of {@code "first last"};
 *   <li>the word-list match of both names ({@code AbuseMatcher.find} over the default lists, the matcher the
 *       content check runs): by default a name with a slur, a threat or profanity is refused, so validating
 *       what was typed includes it.
 * </ol>
 *
 * <p>{@link #signS7} is the floor as it was in session 7 (without those two), kept so the ratio against it
 * can still be reported. Not in either floor: the other parts of the content check (garbled text, links,
 * gibberish), the bot, rate and surge checks, display names, the near-duplicate look-up (none for a signing
 * without city or IP address), events, the message object, record copies, the policy's decision.
 */
@State(Scope.Benchmark)
public class SignFloor {
  @Param({"10000", "1000000", "10000000"})
  public int size;

  final ConcurrentHashMap<String, Long> signatures = new ConcurrentHashMap<>();
  final byte[] tokenKey = LibraryFixture.randomBytes(32);
  final byte[] identityKey = LibraryFixture.randomBytes(32);
  final PersonalDataCipher cipher =
      PersonalDataCipher.of(DataKeys.of(List.of(new DataKey("d1", LibraryFixture.randomBytes(32)))));

  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final AbuseMatcher TERMS = defaultTerms();
  private static final byte[] SLUG_BYTES = LibraryFixture.SLUG.getBytes(StandardCharsets.US_ASCII);

  @Setup(Level.Trial)
  public void setUp() {
    LibraryFixture.forEach(size, Runtime.getRuntime().availableProcessors(),
        i -> signatures.put(canonicalize(Corpus.email('p', i)), i));
    if (signatures.size() != size) {
      throw new IllegalStateException("prefill made " + signatures.size() + " distinct signers of " + size);
    }
  }

  /** One signing of the floor, by the thread's next signer; returns the confirmation link's token. */
  String sign(SignFloorThread thread, Blackhole blackhole) {
    return sign(thread, blackhole, false);
  }

  /** One signing of session 7's floor (no skeleton, no word-list match), for the second column. */
  String signS7(SignFloorThread thread, Blackhole blackhole) {
    return sign(thread, blackhole, true);
  }

  private String sign(SignFloorThread thread, Blackhole blackhole, boolean s7) {
    long n = thread.nextSigner();
    Corpus.Name name = Corpus.name(n);
    String email = Corpus.email('s', n);
    String first = NFC.normalize(name.first());
    String last = NFC.normalize(name.last());
    if (!FastEmailValidator.isValid(email)) {
      throw new IllegalStateException("the floor refused a valid address");
    }
    String canonical = canonicalize(email);
    byte[] text = thread.text;
    thread.identity.update(text, 0, Utf8.write(canonical, text, 0));
    blackhole.consume(thread.identity.doFinal());
    if (s7) {
      int n1 = Utf8.write(first, text, 0);
      text[n1] = ' ';
      thread.identity.update(text, 0, Utf8.write(last, text, n1 + 1));
    } else {
      if (TERMS.find(first) != null || TERMS.find(last) != null) {
        throw new IllegalStateException("the floor's word lists refused a corpus name");
      }
      String skeleton = NameSkeleton.skeleton(first, last);
      thread.identity.update(text, 0, Utf8.write(skeleton, text, 0));
    }
    blackhole.consume(thread.identity.doFinal());
    blackhole.consume(new PersonalData(email, null, first, last, null, null).seal(cipher, SLUG_BYTES));
    if (signatures.putIfAbsent(canonical, n) != null) {
      throw new IllegalStateException("the floor saw a duplicate");
    }
    long expires = System.currentTimeMillis() / 1000 + TOKEN_TTL_SECONDS;
    blackhole.consume(mint(thread.mac, n, expires, thread.token, thread.tag, thread.base64));
    return mint(thread.mac, n, expires, thread.token, thread.tag, thread.base64);
  }

  // The content check's default word lists, as ContentCheck.ofDefaults() compiled them (its matcher of all
  // lists), read once at class load: the floor calls the matcher itself, without the check around it.
  private static AbuseMatcher defaultTerms() {
    try {
      Field terms = ContentCheck.class.getDeclaredField("terms");
      terms.setAccessible(true);
      return ((TermLists) terms.get(ContentCheck.ofDefaults())).all();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the content check's word lists could not be read", e);
    }
  }

  /** Lower case, no +tag, the ASCII (punycode) domain. */
  static String canonicalize(String email) {
    int at = email.lastIndexOf('@');
    String local = email.substring(0, at).toLowerCase(Locale.ROOT);
    int plus = local.indexOf('+', 1);
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    return local + '@' + DomainNames.toAsciiLowerCase(email.substring(at + 1));
  }
}
