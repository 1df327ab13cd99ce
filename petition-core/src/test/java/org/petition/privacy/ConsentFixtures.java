package org.petition.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.petition.identity.IdentityHasher;

/** Shared test data for the consent ledger tests. */
public final class ConsentFixtures {

  public static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");
  public static final ConsentDocument TERMS =
      ConsentDocument.ofText("terms", "2025-01", ConsentPurpose.TERMS, "You agree to the terms.");
  public static final ConsentDocument NEWSLETTER =
      ConsentDocument.ofText("newsletter", "v2", ConsentPurpose.NEWSLETTER, "Send me news.");
  public static final ConsentRecord.Evidence EVIDENCE =
      new ConsentRecord.Evidence("form-1", "203.0.113.0/24", Pseudonyms.userAgentHash("Mozilla/5.0"), "ko-KR");

  private static final IdentityHasher IDENTITY = IdentityHasher.of(new byte[32]);

  private ConsentFixtures() {}

  /** A valid subject for the n-th test signer. */
  public static String subject(int n) {
    return ConsentSubjects.of(IDENTITY.emailKey("signer" + n + "@example.org"));
  }

  /** A grant of the terms for {@code petition} by subject n at T0 + n seconds. */
  public static ConsentRecord.Draft grant(int n, String petition) {
    return ConsentRecord.Draft.grant(subject(n), petition, TERMS, T0.plusSeconds(n), EVIDENCE);
  }

  /** Work one of {@link #inParallel}'s threads does, given its index. */
  @FunctionalInterface
  public interface ThreadBody {
    void run(int thread) throws Exception;
  }

  /**
   * Runs {@code body} on {@code threads} threads released together, and waits for them; fails if one
   * fails or any takes longer than a minute.
   */
  public static void inParallel(int threads, ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          body.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The records of one chain, linked from the given drafts. */
  public static List<ConsentRecord> chainOf(ConsentChain chains, List<ConsentRecord.Draft> drafts) {
    List<ConsentRecord> records = new ArrayList<>();
    for (ConsentRecord.Draft draft : drafts) {
      records.add(chains.link(draft, records.isEmpty() ? null : records.get(records.size() - 1)));
    }
    return records;
  }

  /** The names of every leaf field of a record: its components, with the evidence's components inlined. */
  public static List<String> leafFields() {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : ConsentRecord.class.getRecordComponents()) {
      if (component.getName().equals("evidence")) {
        for (RecordComponent inner : ConsentRecord.Evidence.class.getRecordComponents()) {
          names.add("evidence." + inner.getName());
        }
      } else {
        names.add(component.getName());
      }
    }
    return names;
  }

  /** {@code record} with one byte (or bit, or tick) of one leaf field changed. */
  public static ConsentRecord tamper(ConsentRecord record, String field) {
    if (field.startsWith("evidence.")) {
      ConsentRecord.Evidence evidence = with(record.evidence(), field.substring("evidence.".length()));
      return replace(record, "evidence", evidence);
    }
    return with(record, field);
  }

  private static <R extends Record> R with(R record, String field) {
    try {
      RecordComponent component =
          Arrays.stream(record.getClass().getRecordComponents())
              .filter(c -> c.getName().equals(field))
              .findFirst()
              .orElseThrow();
      return replace(record, field, flip(component.getAccessor().invoke(record)));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static <R extends Record> R replace(R record, String field, Object value) {
    try {
      RecordComponent[] components = record.getClass().getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(record);
      }
      @SuppressWarnings("unchecked")
      Constructor<R> constructor = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object flip(Object value) {
    if (value == null) {
      return "x";
    }
    if (value instanceof Long number) {
      return number ^ 1L;
    }
    if (value instanceof String text) {
      char[] chars = text.toCharArray();
      chars[chars.length - 1] ^= 1;
      return new String(chars);
    }
    if (value instanceof Instant instant) {
      return instant.plusNanos(1);
    }
    if (value instanceof Enum<?> constant) {
      Object[] all = constant.getDeclaringClass().getEnumConstants();
      return all[(constant.ordinal() + 1) % all.length];
    }
    throw new AssertionError("no way to flip a " + value.getClass());
  }
}
