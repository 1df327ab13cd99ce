package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.internal.EmailRefusal.BACKSLASH_OUTSIDE_QUOTES;
import static org.petition.internal.EmailRefusal.INVALID_DOMAIN_LITERAL;
import static org.petition.internal.EmailRefusal.MIXED_LOCAL_PART;
import static org.petition.internal.EmailRefusal.UNPAIRED_SURROGATE;
import static org.petition.internal.EmailRefusal.UNTERMINATED_QUOTE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jspecify.annotations.Nullable;
import org.petition.internal.FastEmailValidator.Verdict;

/**
 * FastEmailValidator against Commons Validator itself, the reference, on a million generated addresses: it
 * agrees everywhere except where it refuses what RFC 5322 refuses, and each such refusal is checked against
 * {@link Rfc5322Grammar}, the addr-spec grammar written down in the tests. So: valid exactly when Commons
 * Validator and the grammar both accept, {@code email.invalid} exactly when Commons Validator refuses, and an
 * RFC 5322 rule's code exactly when Commons Validator accepts what the grammar refuses.
 */
class FastEmailValidatorDifferentialTest {

  private static final EmailValidator REFERENCE = EmailValidator.getInstance(false, false);
  private static final long SEED = 0x5EED_E3A1L;
  private static final int CORPUS_SIZE = 1_000_000;
  private static final int SHOWN = 25;
  private static final List<EmailRefusal> RFC_RULES = List.of(BACKSLASH_OUTSIDE_QUOTES, UNTERMINATED_QUOTE,
      MIXED_LOCAL_PART, INVALID_DOMAIN_LITERAL, UNPAIRED_SURROGATE);

  @Test
  void agreesWithCommonsValidatorExceptOnRfc5322RefusalsOnAGeneratedCorpus() {
    EmailCorpus corpus = new EmailCorpus(SEED);
    Map<Verdict, Integer> paths = new EnumMap<>(Verdict.class);
    Map<EmailRefusal, Integer> refusals = new EnumMap<>(EmailRefusal.class);
    List<String> shown = new ArrayList<>();
    int disagreements = 0;
    int valid = 0;
    for (int i = 0; i < CORPUS_SIZE; i++) {
      String email = corpus.next();
      boolean reference = REFERENCE.isValid(email);
      EmailRefusal refusal = FastEmailValidator.refusal(email);
      paths.merge(FastEmailValidator.fastVerdict(email), 1, Integer::sum);
      valid += refusal == null ? 1 : 0;
      if (refusal != null && refusal != EmailRefusal.INVALID) {
        refusals.merge(refusal, 1, Integer::sum);
      }
      String problem = disagreement(email, reference, refusal);
      assertThat(FastEmailValidator.isValid(email)).as(EmailCorpus.escape(email)).isEqualTo(refusal == null);
      if (problem != null) {
        disagreements++;
        if (shown.size() < SHOWN) {
          shown.add(problem);
        }
      }
    }
    int undecided = paths.getOrDefault(Verdict.UNDECIDED, 0);
    System.out.printf("corpus %,d (seed %#x): %,d valid; fast path valid %,d, invalid %,d, fallback %,d (%.2f%% fast);"
            + " RFC 5322 refusals of what Commons Validator accepts: %s%n",
        CORPUS_SIZE, SEED, valid, paths.getOrDefault(Verdict.VALID, 0), paths.getOrDefault(Verdict.INVALID, 0),
        undecided, 100.0 * (CORPUS_SIZE - undecided) / CORPUS_SIZE, refusals);
    assertThat(shown).as("%d disagreements, the first ones", disagreements).isEmpty();
    // The corpus reaches every rule, so each is checked against the grammar on many addresses.
    assertThat(refusals.keySet()).containsAll(RFC_RULES);
  }

  /**
   * What is wrong with the verdict on {@code email}, or {@code null}: it must be valid when Commons Validator
   * and the RFC 5322 grammar both accept it, {@code email.invalid} when Commons Validator refuses it, and an RFC
   * 5322 rule when only the grammar refuses it.
   */
  static @Nullable String disagreement(String email, boolean reference, @Nullable EmailRefusal refusal) {
    boolean grammar = Rfc5322Grammar.isAddrSpec(email);
    String verdict = refusal == null ? "valid" : refusal.code();
    String says = EmailCorpus.escape(email) + ": " + verdict + ", but Commons Validator says " + reference
        + " and the RFC 5322 grammar says " + grammar;
    if (refusal == null) {
      return reference && grammar ? null : says;
    }
    if (refusal == EmailRefusal.INVALID) {
      return reference ? says : null;
    }
    return reference && !grammar ? null : says;
  }

  @Test
  void realisticAddressesStayOnTheFastPath() {
    List<String> domains = new ArrayList<>(EmailCorpus.REAL_DOMAINS);
    domains.addAll(List.of("한국.kr", "도메인.한국", "пример.рф", "почта.рф", "сайт.москва", "παράδειγμα.ελ", "例子.中国",
        "中文.com", "例え.jp", "テスト.jp", "müller.de", "café.com", "пример.xn--p1ai", "ПРИМЕР.РФ"));
    List<String> undecided = new ArrayList<>();
    for (String user : EmailCorpus.REAL_USERS) {
      for (String domain : domains) {
        String email = user + "@" + domain;
        if (FastEmailValidator.fastVerdict(email) == Verdict.UNDECIDED) {
          undecided.add(EmailCorpus.escape(email));
        }
        assertThat(FastEmailValidator.isValid(email)).as(email).isEqualTo(REFERENCE.isValid(email));
      }
    }
    assertThat(undecided).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("tricky")
  void agreesOnTrickyCases(String email, boolean reference, @Nullable EmailRefusal refusal) {
    assertThat(REFERENCE.isValid(email)).as("reference on %s", EmailCorpus.escape(email)).isEqualTo(reference);
    assertThat(FastEmailValidator.refusal(email)).as(EmailCorpus.escape(email)).isEqualTo(refusal);
    assertThat(FastEmailValidator.isValid(email)).as(EmailCorpus.escape(email)).isEqualTo(refusal == null);
    assertThat(disagreement(email, reference, refusal)).isNull();
  }

  @Test
  void nullIsInvalid() {
    assertThat(FastEmailValidator.isValid(null)).isFalse();
  }

  static Stream<Arguments> tricky() {
    return Stream.of(
        // the plain shapes
        ok("kim.minsu@naver.com"), ok("ivan.petrov@yandex.ru"), ok("a@b.co"), ok("USER@EXAMPLE.COM"),
        ok("!#$%&'*+-/=?^_`{|}~@example.com"), ok("o'brien@example.ie"), ok("'@example.com"),
        no(""), no("@"), no("a"), no("a@"), no("@example.com"), no("a@b"), no("a@localhost"), no("a@example"),
        // where EMAIL_PATTERN splits: the last @, and nothing at all for white space after it
        no("a@b@example.com"), no("a@@example.com"), no("a@example.com@"), no("a@example.com@@"),
        ok("\"a@b\"@example.com"), rfc("a\\@b@example.com", BACKSLASH_OUTSIDE_QUOTES), no("a@exa mple.com"), no("a@example.com "),
        no(" a@example.com"), no("a@example.com\n"), no("a\n@example.com"), no("a@\texample.com"),
        // a line end before the last @ that (.+) cannot cross makes it split at an earlier one
        no("a@b\u2028c@example.com"), no("a@b\u0085c@example.com"), no("a@[IPv6:::1%b\u2028c@d]"),
        // dots
        no("a.@example.com"), no(".a@example.com"), no("a..b@example.com"), ok("a.b.c@example.com"),
        no("a@example.com."), no("a@.example.com"), no("a@example..com"), rfc("a\\..b@example.com", BACKSLASH_OUTSIDE_QUOTES),
        ok("\"a..b\"@example.com"), rfc("\"a.\".b@example.com", MIXED_LOCAL_PART),
        // the 64-char local part and its limit
        ok("a".repeat(64) + "@example.com"), no("a".repeat(65) + "@example.com"),
        ok("\"" + "a".repeat(62) + "\"@example.com"), no("\"" + "a".repeat(63) + "\"@example.com"),
        // quoted strings and escapes
        ok("\"john doe\"@example.com"), ok("\"\"@example.com"), ok("\"a\\\"b\"@example.com"),
        no("\"a\"b\"@example.com"), no("\"a@example.com"), rfc("a\\ b@example.com", BACKSLASH_OUTSIDE_QUOTES), no("a\\@example.com"),
        no("\"ctl\u0001\"@example.com"), no("\"tab\there\"@example.com"), no("a\\\u0001b@example.com"),
        rfc("\"a\".\"b\"@example.com", MIXED_LOCAL_PART), no("\"a\"\"b\"@example.com"),
        // controls, white space and Unicode in the local part
        no("a b@example.com"), no("a\u0000@example.com"), no("a\u007F@example.com"), no("a\u0085@example.com"),
        no("a\u009F@example.com"), ok("a\u00A0@example.com"), ok("müller@example.com"), ok("민수@naver.com"),
        ok("иван.петров@yandex.ru"), no("a\u2028b@example.com"), no("a\u2029@example.com"), rfc("\uD800@example.com", UNPAIRED_SURROGATE),
        ok("\uD83D\uDE00@example.com"), ok("a\u200B@example.com"), no("a,b@example.com"), no("a;b@example.com"),
        no("a:b@example.com"), no("a(b)@example.com"), no("a<b>@example.com"), no("a[b]@example.com"),
        // labels and TLDs
        ok("a@" + "a".repeat(63) + ".com"), no("a@" + "a".repeat(64) + ".com"), no("a@-a.com"), no("a@a-.com"),
        ok("a@a--b.com"), ok("a@1.com"), ok("a@1-2.com"), no("a@a.123"), no("a@a.1com"), no("a@a.com1"),
        no("a@a.c"), no("a@a.invalidtld"), ok("a@a.museum"), ok("a@a.xn--p1ai"), ok("a@A.XN--P1AI"),
        no("a@a.xn--zzzz"), ok("a@xn--zzzz.com"), ok("a@in-addr.arpa"), no("a@arpa"), no("a@a.localhost"),
        no("a@a.local"), no("a@a_b.com"), no("a@a.b_c.com"), ok("a@a.b.c.d.e.f.com"),
        // 253 characters of host and no more
        ok("a@" + host(253)), no("a@" + host(254)), no("a@" + host(255)),
        // IDN hosts
        ok("a@한국.kr"), ok("a@도메인.한국"), ok("a@пример.рф"), ok("a@ПРИМЕР.РФ"), ok("a@παράδειγμα.ελ"),
        ok("a@例子.中国"), ok("a@müller.de"), ok("a@MÜLLER.de"), ok("a@例え.jp\u3002"), no("a@例え.jp."),
        ok("a@例子\u3002中国"), ok("a@例子\uFF0E中国"), ok("a@例子\uFF61中国"), no("a@-тест.рф"), no("a@тест-.рф"),
        ok("a@те-ст.рф"), no("a@xn--тест.рф"), no("a@XN--тест.рф"), no("a@тест..рф"), no("a@.тест.рф"),
        no("a@한\u200D국.kr"), no("a@soft\u00ADhyphen.com"), no("a@cgj\u034F.com"), no("a@var\uFE0F.com"),
        ok("a@ςοφία.gr"), ok("a@straße.de"), ok("a@ﬁle.com"), ok("a@ｅｘａｍｐｌｅ.com"), ok("a@a\u0308.de"),
        no("a@한국_.kr"), no("a@тест.рф_"), ok("a@" + "가".repeat(56) + ".kr"), no("a@" + "가".repeat(57) + ".kr"),
        ok("a@\u0661.com"), ok("a@\uD835\uDC9C.com"),
        // address literals
        ok("a@[127.0.0.1]"), ok("a@[255.255.255.255]"), no("a@[256.1.1.1]"), no("a@[01.2.3.4]"), no("a@[1.2.3]"),
        ok("a@[IPv6:::1]"), ok("a@[ipv6:2001:DB8::1]"), ok("a@[IPv6:::ffff:192.168.1.1]"), no("a@[::1]"),
        ok("a@[IPv6:fe80::1%eth0]"), ok("a@[IPv6:::1/64]"), no("a@[IPv6:::1/129]"), no("a@[IPv6:gggg::1]"),
        no("a@[]"), no("a@[ 1.2.3.4]"), no("a@[1.2.3.4"), no("a@127.0.0.1"), no("x@[IPv6:::1%a@b]"), ok("x@[IPv6:::1%ab]"),
        no("a@[IPv6:127.0.0.1]"), no("a@[IPv6:\uFF11::1]"),
        // what Commons Validator accepts and RFC 5322 does not: escapes outside quotes
        rfc("a\\\"b@example.com", BACKSLASH_OUTSIDE_QUOTES), rfc("\\a@example.com", BACKSLASH_OUTSIDE_QUOTES),
        rfc("a.b\\c@example.com", BACKSLASH_OUTSIDE_QUOTES), rfc("a\\\u00E9@example.com", BACKSLASH_OUTSIDE_QUOTES),
        // a closing quote escaped, so the quoted string never ends
        rfc("\"a\\\"@example.com", UNTERMINATED_QUOTE), rfc("\"\\\"@example.com", UNTERMINATED_QUOTE),
        rfc("\"a\\\"b\\\"@example.com", UNTERMINATED_QUOTE), rfc("\"a b\\\"@example.com", UNTERMINATED_QUOTE),
        // a quoted string that is not the whole local part
        rfc("a.\"b\"@example.com", MIXED_LOCAL_PART), rfc("\"a\\\\\"b\"@example.com", MIXED_LOCAL_PART),
        rfc("\"a\\\".\"b\"@example.com", MIXED_LOCAL_PART), rfc("\"a\".b.c@example.com", MIXED_LOCAL_PART),
        // address literals with characters dtext has not
        rfc("a@[IPv6:fe80::1%a]b]", INVALID_DOMAIN_LITERAL), rfc("a@[IPv6:fe80::1%a[b]", INVALID_DOMAIN_LITERAL),
        rfc("a@[IPv6:fe80::1%a\\b]", INVALID_DOMAIN_LITERAL), rfc("a@[IPv6:fe80::1%a\u0001b]", INVALID_DOMAIN_LITERAL),
        rfc("a@[IPv6:fe80::1%\u007F]", INVALID_DOMAIN_LITERAL),
        // surrogates that are not halves of a pair
        rfc("\uDC00@example.com", UNPAIRED_SURROGATE), rfc("\uDE00\uD83D@example.com", UNPAIRED_SURROGATE),
        rfc("a\uD83D@example.com", UNPAIRED_SURROGATE), rfc("\"\uD800\"@example.com", UNPAIRED_SURROGATE),
        rfc("a@[IPv6:fe80::1%\uD800]", UNPAIRED_SURROGATE),
        // and what both accept: quoted pairs inside quotes, dtext in a zone, pairs of surrogates
        ok("\"a\\\\b\"@example.com"), ok("\"a\\\\\"@example.com"), ok("\"a\\\u00E9\"@example.com"),
        ok("\"a@b\"@example.com"), ok("a@[IPv6:fe80::1%a\"b]"), ok("a@[IPv6:fe80::1%\u00E9]"),
        ok("\"\uD83D\uDE00\"@example.com"), ok("a\uD83D\uDE00b@example.com"));
  }

  // A host of exactly `length` characters under .com, in labels of at most 63.
  private static String host(int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length - 4) {
      if (out.length() > 0) {
        out.append('.');
      }
      int label = Math.min(63, length - 4 - out.length());
      out.append("b".repeat(label));
    }
    String host = out + ".com";
    assertThat(host).hasSize(length);
    return host;
  }

  private static Arguments ok(String email) {
    return Arguments.of(email, true, null);
  }

  private static Arguments no(String email) {
    return Arguments.of(email, false, EmailRefusal.INVALID);
  }

  /** Commons Validator accepts it; RFC 5322 does not, by this rule. */
  private static Arguments rfc(String email, EmailRefusal rule) {
    return Arguments.of(email, true, rule);
  }
}
