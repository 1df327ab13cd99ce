package org.petition.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.ConsentRecord;


/**
 * The encoding a consent record's hash covers is a stored format: every ledger ever written is verified
 * with it. Each record here is encoded again, independently, from the grammar in {@link ConsentEncoding}'s
 * documentation, and the bytes and hash must match.
 */
class ConsentEncodingTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void encodesEveryFieldAsTheDocumentedGrammarSays() throws Exception {
    List<ConsentRecord> records = List.of(
        record(0, 0, "terms-2026", "평화 협정을 지지합니다", Instant.parse("2026-12-07T04:31:02.123456789Z"),
            new ConsentRecord.Evidence("form-1", "203.0.113.0/24", SHA, "ko-KR"), "0".repeat(64)),
        record(15, 1234567890123L, "privacy", "Zoë's 🌍 petition", Instant.parse("1999-12-31T23:59:59Z"),
            new ConsentRecord.Evidence(null, null, null, null), "cd".repeat(32)),
        record(3, 7, "", "", Instant.ofEpochSecond(-1, 999_999_999),
            new ConsentRecord.Evidence("", null, "", null), "ef".repeat(32)));
    for (ConsentRecord record : records) {
      byte[] expected = fromGrammar(record);
      assertThat(ConsentEncoding.encode(record)).isEqualTo(expected);
      assertThat(ConsentEncoding.hash(record)).isEqualTo(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
    }
  }

  @Test
  void refusesALoneSurrogate() {
    ConsentRecord record = record(1, 1, "terms", "broken \uD800 text", Instant.EPOCH,
        new ConsentRecord.Evidence(null, null, null, null), "0".repeat(64));
    assertThatThrownBy(() -> ConsentEncoding.encode(record)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate");
  }

  private static ConsentRecord record(long chain, long sequence, String documentId, String petition, Instant at,
      ConsentRecord.Evidence evidence, String previousHash) {
    return new ConsentRecord(chain, sequence, "c3ViamVjdC1vZi10aGUtcmVjb3JkLXVuZGVyLXRlc3Q", petition,
        ConsentPurpose.PRIVACY_POLICY, documentId, "v2", SHA, ConsentRecord.Action.GRANTED, at, evidence,
        previousHash, "0".repeat(64));
  }

  private static byte[] fromGrammar(ConsentRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes); // big-endian, as the grammar says
    string(out, "petition.consent.v1");
    out.writeLong(record.chain());
    out.writeLong(record.sequence());
    string(out, record.subject());
    string(out, record.petition());
    string(out, record.purpose().name());
    string(out, record.documentId());
    string(out, record.documentVersion());
    string(out, record.documentSha256());
    string(out, record.action().name());
    out.writeLong(record.at().getEpochSecond());
    out.writeInt(record.at().getNano());
    nullable(out, record.evidence().formId());
    nullable(out, record.evidence().truncatedIp());
    nullable(out, record.evidence().userAgentSha256());
    nullable(out, record.evidence().locale());
    string(out, record.previousHash());
    out.flush();
    return bytes.toByteArray();
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static void nullable(DataOutputStream out, @Nullable String value) throws IOException {
    if (value == null) {
      out.write(0);
    } else {
      out.write(1);
      string(out, value);
    }
  }
}
