package org.petition.benchmarks;

import static org.petition.benchmarks.FloorBytes.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.petition.privacy.ConsentDocument;

/**
 * One thread's buffers for the floor's consent records: the record being encoded, with the domain tag
 * at its start once and for all, the encoded parts every record of the petition shares (petition,
 * purpose, document id, version and SHA-256, action: one array per document), and a reused SHA-256.
 */
final class FloorEncoder {
  static final Base64.Encoder SUBJECTS = Base64.getUrlEncoder().withoutPadding();
  static final int CHAIN_AT = 4 + 19;
  static final int SEQUENCE_AT = CHAIN_AT + 8;
  static final int SUBJECT_AT = SEQUENCE_AT + 8;

  final byte[] record = new byte[1024];
  final byte[] subject = new byte[64];
  final byte[] digest = new byte[32];
  final byte[][] terms;
  final MessageDigest sha;

  FloorEncoder() {
    byte[] domain = "petition.consent.v1".getBytes(StandardCharsets.UTF_8);
    putInt(record, 0, domain.length);
    System.arraycopy(domain, 0, record, 4, domain.length);
    terms = new byte[LibraryFixture.DOCUMENTS.size()][];
    for (int i = 0; i < terms.length; i++) {
      ConsentDocument document = LibraryFixture.DOCUMENTS.get(i);
      ByteBuffer out = ByteBuffer.allocate(512);
      for (String part : new String[] {LibraryFixture.SLUG, document.purpose().name(), document.id(),
          document.version(), document.sha256(), "GRANTED"}) {
        byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
        out.putInt(utf8.length).put(utf8);
      }
      terms[i] = Arrays.copyOf(out.array(), out.position());
    }
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
