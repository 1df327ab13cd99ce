package org.petition.benchmarks;

import static org.petition.benchmarks.FloorBytes.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.petition.privacy.ConsentChain;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;

/**
 * The floor's consent ledger: {@value #CHAINS} hash chains, each behind its own lock, each keeping its
 * sequence, its head as 64 ASCII hex digits and its records' SHA-256 hashes as four longs a record in
 * one growing array. No per-subject index, no record objects. {@link #prefill} sizes the chains for the
 * prefilled signatures' records without hashing them (their content is never read);
 * {@link #truncate} drops what an iteration appended, so each starts with the same records.
 */
final class FloorLedger {
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
