package org.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.Test;

/**
 * Coverage-free fuzzing: byte-level mutations of valid addresses, decoded back into strings, for a fixed
 * time with a fixed seed; FastEmailValidator must agree with Commons Validator except on RFC 5322's refusals,
 * each checked against {@link Rfc5322Grammar} (see {@link FastEmailValidatorDifferentialTest#disagreement}),
 * and never throw. Mutants the reference accepts join the seed pool, so the fuzzer wanders off along valid
 * shapes, RFC 5322's refusals among them.
 */
class FastEmailValidatorFuzzTest {

  private static final EmailValidator REFERENCE = EmailValidator.getInstance(false, false);
  private static final long SEED = 0xF022_E3A1L;
  private static final long BUDGET_NANOS = 10_000_000_000L;
  private static final int MAX_POOL = 50_000;

  private static final byte[][] INTERESTING = bytes("@", ".", "..", "\"", "\\", " ", "\t", "\n", "\r", "-", "[", "]",
      "xn--", "IPv6:", "\u0000", "\u007F", "\u0085", "\u2028", "\u3002", "\uFF0E", "\u00AD", "\u200D", "\uFEFF",
      "\u034F", "가", "д", "ς", "ü", "中", "\uD83D\uDE00", "'", ",", ":", "%", "/", "255", "256", "0", ".com",
      ".kr", ".рф", ".한국", ".invalidtld");

  @Test
  void byteMutationsOfValidAddressesAgreeWithCommonsValidator() {
    SplittableRandom random = new SplittableRandom(SEED);
    List<byte[]> pool = seeds(random);
    List<String> failures = new ArrayList<>();
    long runs = 0;
    long validMutants = 0;
    long rfcRefusals = 0;
    long deadline = System.nanoTime() + BUDGET_NANOS;
    while (System.nanoTime() < deadline && failures.size() < 25) {
      for (int batch = 0; batch < 512; batch++) {
        byte[] input = pool.get(random.nextInt(pool.size()));
        int mutations = 1 + random.nextInt(random.nextInt(4) == 0 ? 8 : 3);
        for (int i = 0; i < mutations; i++) {
          input = mutate(input, pool, random);
        }
        String email = random.nextInt(10) == 0
            ? new String(input, StandardCharsets.ISO_8859_1) // C1 controls and Latin-1 as such
            : new String(input, StandardCharsets.UTF_8);
        runs++;
        boolean expected;
        try {
          expected = REFERENCE.isValid(email);
        } catch (RuntimeException | StackOverflowError e) {
          failures.add(EmailCorpus.escape(email) + " Commons Validator threw " + e);
          continue;
        }
        EmailRefusal refusal;
        try {
          refusal = FastEmailValidator.refusal(email);
        } catch (RuntimeException | StackOverflowError e) {
          failures.add(EmailCorpus.escape(email) + " threw " + e);
          continue;
        }
        String problem = FastEmailValidatorDifferentialTest.disagreement(email, expected, refusal);
        if (problem != null) {
          failures.add(problem);
        }
        if (refusal != null && refusal != EmailRefusal.INVALID) {
          rfcRefusals++;
        }
        if (expected) {
          validMutants++;
          if (pool.size() < MAX_POOL) {
            pool.add(email.getBytes(StandardCharsets.UTF_8));
          } else {
            pool.set(random.nextInt(pool.size()), email.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    System.out.printf("fuzz (seed %#x, %d s): %,d inputs, %,d valid mutants (Commons Validator), %,d of them refused"
        + " by RFC 5322, pool %,d%n", SEED, BUDGET_NANOS / 1_000_000_000L, runs, validMutants, rfcRefusals, pool.size());
    assertThat(failures).as("disagreements or exceptions, the first ones").isEmpty();
    assertThat(runs).isGreaterThan(10_000);
  }

  private static List<byte[]> seeds(SplittableRandom random) {
    List<byte[]> pool = new ArrayList<>();
    EmailCorpus corpus = new EmailCorpus(random.nextLong());
    while (pool.size() < 2_000) {
      String email = corpus.address();
      if (REFERENCE.isValid(email)) {
        pool.add(email.getBytes(StandardCharsets.UTF_8));
      }
    }
    for (String user : EmailCorpus.REAL_USERS) {
      for (String domain : EmailCorpus.IDN_DOMAINS) {
        String email = user + "@" + domain;
        if (REFERENCE.isValid(email)) {
          pool.add(email.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    for (String literal : List.of("a@[127.0.0.1]", "a@[IPv6:2001:db8::1]", "\"john doe\"@example.com",
        "a\\@b@example.com", "x@[IPv6:fe80::1%eth0]", "\"a\\\"b\"@example.com", "\"a\".b@example.com",
        "x@[IPv6:fe80::1%a]b]")) {
      pool.add(literal.getBytes(StandardCharsets.UTF_8));
    }
    return pool;
  }

  private static byte[] mutate(byte[] in, List<byte[]> pool, SplittableRandom random) {
    int length = in.length;
    int at = random.nextInt(length + 1);
    int end = Math.min(length, at + 1 + random.nextInt(8));
    switch (random.nextInt(12)) {
      case 0: // flip a bit
        if (length > 0) {
          byte[] out = in.clone();
          int i = random.nextInt(length);
          out[i] ^= (byte) (1 << random.nextInt(8));
          return out;
        }
        return in;
      case 1: // overwrite a byte
        if (length > 0) {
          byte[] out = in.clone();
          out[random.nextInt(length)] = (byte) random.nextInt(256);
          return out;
        }
        return in;
      case 2: // insert a random byte
        return splice(in, at, at, new byte[] {(byte) random.nextInt(256)});
      case 3:
      case 4: // insert an interesting piece
        return splice(in, at, at, INTERESTING[random.nextInt(INTERESTING.length)]);
      case 5: // replace a range with an interesting piece
        return splice(in, at, end, INTERESTING[random.nextInt(INTERESTING.length)]);
      case 6: // delete a range
        return splice(in, at, end, new byte[0]);
      case 7: // duplicate a range
        return splice(in, at, at, Arrays.copyOfRange(in, at, end));
      case 8: { // cross over with another pool member
        byte[] other = pool.get(random.nextInt(pool.size()));
        int from = random.nextInt(other.length + 1);
        return splice(in, at, length, Arrays.copyOfRange(other, from, other.length));
      }
      case 9: // truncate
        return Arrays.copyOf(in, at);
      case 10: { // repeat a range many times: long labels, long local parts
        byte[] piece = Arrays.copyOfRange(in, at, end);
        byte[] repeated = new byte[piece.length * (2 + random.nextInt(40))];
        for (int i = 0; i < repeated.length; i++) {
          repeated[i] = piece[i % Math.max(1, piece.length)];
        }
        return splice(in, at, at, repeated);
      }
      default: { // swap two bytes
        if (length < 2) {
          return in;
        }
        byte[] out = in.clone();
        int i = random.nextInt(length);
        int j = random.nextInt(length);
        byte t = out[i];
        out[i] = out[j];
        out[j] = t;
        return out;
      }
    }
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] piece) {
    byte[] out = new byte[in.length - (to - from) + piece.length];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(piece, 0, out, from, piece.length);
    System.arraycopy(in, to, out, from + piece.length, in.length - to);
    return out;
  }

  private static byte[][] bytes(String... pieces) {
    byte[][] out = new byte[pieces.length][];
    for (int i = 0; i < pieces.length; i++) {
      out[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
