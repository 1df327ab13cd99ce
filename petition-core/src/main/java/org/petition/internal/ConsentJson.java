package org.petition.internal;

import java.util.List;
import org.petition.privacy.ConsentRecord;

/** Writes the records of one subject as the JSON of a data-subject access export. */
public final class ConsentJson {

  /** The value of the export's {@code format} member. */
  public static final String FORMAT = "petition.consent-export.v1";

  private ConsentJson() {}

  /**
   * The export: {@code {"format", "subject", "records": [{chain, sequence, petition, purpose, documentId,
   * documentVersion, documentSha256, action, at (ISO-8601 UTC), evidence: {formId, truncatedIp,
   * userAgentSha256, locale}, previousHash, hash}]}}. Absent evidence fields are {@code null}.
   */
  public static String export(String subject, List<ConsentRecord> records) {
    JsonWriter json = new JsonWriter();
    json.beginObject().member("format", FORMAT).member("subject", subject).name("records");
    writeRecords(json, records);
    return json.endObject().toString();
  }

  /** Writes the records as a JSON array, each as in {@link #export}. */
  public static void writeRecords(JsonWriter json, List<ConsentRecord> records) {
    json.beginArray();
    for (ConsentRecord record : records) {
      ConsentRecord.Evidence evidence = record.evidence();
      json.beginObject()
          .member("chain", record.chain())
          .member("sequence", record.sequence())
          .member("petition", record.petition())
          .member("purpose", record.purpose().name())
          .member("documentId", record.documentId())
          .member("documentVersion", record.documentVersion())
          .member("documentSha256", record.documentSha256())
          .member("action", record.action().name())
          .member("at", record.at().toString())
          .name("evidence")
          .beginObject()
          .member("formId", evidence.formId())
          .member("truncatedIp", evidence.truncatedIp())
          .member("userAgentSha256", evidence.userAgentSha256())
          .member("locale", evidence.locale())
          .endObject()
          .member("previousHash", record.previousHash())
          .member("hash", record.hash())
          .endObject();
    }
    json.endArray();
  }
}
