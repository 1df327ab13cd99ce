package org.petition.benchmarks;

import java.lang.reflect.Field;
import java.time.Instant;
import org.petition.SignatureRequest;
import org.petition.internal.*;
import org.petition.check.Decision;
import org.petition.store.NewSignature;
import org.petition.store.InsertOutcome;
import org.petition.identity.EmailCanonicalizer;
import org.petition.identity.IdentityHasher;

/**
 * Diagnostic, not a benchmark: the bytes one thread allocates per {@code Petitions.sign} (request built as in
 * {@link HotPathBenchmark#sign}), per built-in check and per stage of the signing pipeline, from HotSpot's
 * per-thread allocation counter, after 200,000 warm-up signings. The stages are driven one by one (the same
 * calls as {@code SigningPipeline.sign}, read from the library's private fields), so escape analysis across
 * stages is lost and the stage figures add up to a little more than the whole. Usage:
 *
 * <pre>
 * java -cp petition-benchmarks/target/benchmarks.jar org.petition.benchmarks.SignAllocationProbe 10000 [warm-up rounds]
 * </pre>
 *
 * <p>On a loaded machine the JIT compiles late and the figures depend on how far it got: give more warm-up
 * rounds of 5,000 signings (default 40) and read the lowest of the ten measured rounds, printed beside the mean.
 */
public final class SignAllocationProbe {
  static com.sun.management.ThreadMXBean TM = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
  static Object get(Object o, String f) throws Exception { Field x = o.getClass().getDeclaredField(f); x.setAccessible(true); return x.get(o); }

  public static void main(String[] a) throws Exception {
    int size = a.length > 0 ? Integer.parseInt(a[0]) : 10000;
    LibraryFixture fx = new LibraryFixture();
    fx.prefill(size);
    int warmUp = a.length > 1 ? Integer.parseInt(a[1]) : 40;
    long n = 0;
    for (int round = 0; round < warmUp; round++) {
      for (int i = 0; i < 5000; i++) fx.petitions.sign(LibraryFixture.request('s', n++, false));
      fx.purgePending();
    }
    long total = 0, calls = 0, req = 0, lowest = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long t0 = TM.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 5000; i++) fx.petitions.sign(LibraryFixture.request('s', n++, false));
      long bytes = TM.getCurrentThreadAllocatedBytes() - t0;
      total += bytes; calls += 5000; lowest = Math.min(lowest, bytes);
      fx.purgePending();
      t0 = TM.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 5000; i++) { if (LibraryFixture.request('r', n + i, false) == null) throw new Error(); }
      req += TM.getCurrentThreadAllocatedBytes() - t0;
    }
    System.out.printf("sign (with request) B/op %.1f (lowest round %.1f) ; request alone %.1f%n",
        (double) total / calls, lowest / 5000.0, (double) req / calls);
    // stages
    SigningPipeline p = (SigningPipeline) get(fx.petitions, "signing");
    Admission adm = (Admission) get(p, "admission");
    EmailCanonicalizer can = (EmailCanonicalizer) get(p, "canonicalizer");
    IdentityHasher id = (IdentityHasher) get(p, "identity");
    Checks checks = (Checks) get(p, "checks");
    Drafts drafts = (Drafts) get(p, "drafts");
    HouseholdSlots hh = (HouseholdSlots) get(p, "households");
    SigningMail mail = (SigningMail) get(p, "mail");
    long[] st = new long[6];
    for (int round = 0; round < 50; round++) {
      boolean measure = round >= 40;
      for (int i = 0; i < 5000; i++) {
        SignatureRequest r = LibraryFixture.request('s', n++, false);
        Instant now = Instant.now();
        long t0 = TM.getCurrentThreadAllocatedBytes();
        Admission.Outcome o = adm.admit(r, now);
        long t1 = TM.getCurrentThreadAllocatedBytes();
        ValidSigning s = (ValidSigning) o;
        SignerKeys k = SignerKeys.of(s, can, id);
        long t2 = TM.getCurrentThreadAllocatedBytes();
        Decision d = checks.decide(s, k, null);
        long t3 = TM.getCurrentThreadAllocatedBytes();
        NewSignature draft = drafts.draft(s, k, d);
        long t4 = TM.getCurrentThreadAllocatedBytes();
        InsertOutcome ins = hh.insert(s.petition(), draft, false);
        long t5 = TM.getCurrentThreadAllocatedBytes();
        mail.confirmation(s, ((InsertOutcome.Inserted) ins).id());
        long t6 = TM.getCurrentThreadAllocatedBytes();
        if (measure) { st[0]+=t1-t0; st[1]+=t2-t1; st[2]+=t3-t2; st[3]+=t4-t3; st[4]+=t5-t4; st[5]+=t6-t5; }
      }
      fx.purgePending();
    }
    java.util.List<org.petition.check.SignatureCheck> all = checks.all();
    long[] per = new long[all.size()];
    java.lang.reflect.Method mk = null;
    for (int round = 0; round < 30; round++) {
      for (int i = 0; i < 5000; i++) {
        SignatureRequest r = LibraryFixture.request('s', n++, false);
        ValidSigning s = (ValidSigning) adm.admit(r, Instant.now());
        SignerKeys k = SignerKeys.of(s, can, id);
        org.petition.check.CheckInput input = new org.petition.check.CheckInput(s.petition(), s.kind(), s.firstName(), s.lastName(),
        s.organizationName(), s.nickname(), s.city(), s.affiliation(), s.comment(),
        s.country(), k.canonicalEmail(), k.emailDomain(), s.phoneE164(), k.nameSkeleton(),
        s.ip(), s.userAgent(), s.receivedAt(), s.formRenderedAt(), s.honeypot(),
        k.nameKey(), k.networkKey());
        for (int c = 0; c < per.length; c++) {
          long t0 = TM.getCurrentThreadAllocatedBytes();
          all.get(c).check(input);
          if (round >= 20) per[c] += TM.getCurrentThreadAllocatedBytes() - t0;
        }
      }
    }
    for (int c = 0; c < per.length; c++) System.out.printf("  check %-40s %.1f%n", all.get(c).getClass().getSimpleName(), per[c] / 50000.0);
    String[] names = {"admission", "keys", "checks", "draft", "insert", "mail"};
    for (int i = 0; i < 6; i++) System.out.printf("  %-10s %.1f%n", names[i], st[i] / 50000.0);
  }
}
