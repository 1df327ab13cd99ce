package org.petition.store.jdbc.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentPurpose;

/**
 * The JSON forms of the structured values the store keeps in text columns. Readers ignore unknown keys, so
 * a later release may add some without a migration.
 */
public final class Codecs {

  private Codecs() {}

  public static String tags(List<String> tags) {
    return Json.write(tags);
  }

  public static List<String> tags(String json) {
    List<String> tags = new ArrayList<>();
    for (Object tag : list(json)) {
      tags.add(string(tag, "tag"));
    }
    return tags;
  }

  public static String goals(Map<String, Long> goals) {
    // Sorted so the same petition always gives the same text.
    return Json.write(new java.util.TreeMap<>(goals));
  }

  public static Map<String, Long> goals(String json) {
    Map<String, Long> goals = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map(Json.read(json), "goals").entrySet()) {
      goals.put(entry.getKey(), number(entry.getValue(), "goal"));
    }
    return goals;
  }

  public static String consentDocuments(List<ConsentDocument> documents) {
    List<Object> out = new ArrayList<>();
    for (ConsentDocument document : documents) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("id", document.id());
      map.put("version", document.version());
      map.put("sha256", document.sha256());
      map.put("purpose", document.purpose().name());
      map.put("required", document.required());
      out.add(map);
    }
    return Json.write(out);
  }

  public static List<ConsentDocument> consentDocuments(String json) {
    List<ConsentDocument> documents = new ArrayList<>();
    for (Object item : list(json)) {
      Map<String, Object> map = map(item, "consent document");
      documents.add(new ConsentDocument(
          string(map.get("id"), "id"),
          string(map.get("version"), "version"),
          string(map.get("sha256"), "sha256"),
          ConsentPurpose.valueOf(string(map.get("purpose"), "purpose")),
          bool(map.get("required"), "required")));
    }
    return documents;
  }

  // Every signer of a petition gives the same few consents: their encodings repeat, and are remembered
  // (both ways) rather than written and parsed again on every signing and confirmation. Bounded; the values
  // are immutable, so sharing them is safe.
  private static final Cache<List<ConsentGrant>, String> GRANTS_WRITTEN =
      Caffeine.newBuilder().maximumSize(1024).build();
  private static final Cache<String, List<ConsentGrant>> GRANTS_READ = Caffeine.newBuilder().maximumSize(1024).build();

  public static String consentGrants(List<ConsentGrant> grants) {
    return GRANTS_WRITTEN.get(List.copyOf(grants), Codecs::writeConsentGrants);
  }

  private static String writeConsentGrants(List<ConsentGrant> grants) {
    List<Object> out = new ArrayList<>();
    for (ConsentGrant grant : grants) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("documentId", grant.documentId());
      map.put("version", grant.version());
      map.put("sha256", grant.sha256());
      map.put("purpose", grant.purpose().name());
      out.add(map);
    }
    return Json.write(out);
  }

  public static List<ConsentGrant> consentGrants(String json) {
    return GRANTS_READ.get(json, Codecs::readConsentGrants);
  }

  private static List<ConsentGrant> readConsentGrants(String json) {
    List<ConsentGrant> grants = new ArrayList<>();
    for (Object item : list(json)) {
      Map<String, Object> map = map(item, "consent grant");
      grants.add(new ConsentGrant(
          string(map.get("documentId"), "documentId"),
          string(map.get("version"), "version"),
          string(map.get("sha256"), "sha256"),
          ConsentPurpose.valueOf(string(map.get("purpose"), "purpose"))));
    }
    return List.copyOf(grants);
  }

  public static String findings(List<Finding> findings) {
    List<Object> out = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("code", finding.code());
      map.put("severity", finding.severity().name());
      map.put("field", finding.field());
      map.put("explanation", finding.explanation());
      map.put("fraud", finding.fraud());
      map.put("retryAfter", finding.retryAfter() == null ? null : finding.retryAfter().toString());
      out.add(map);
    }
    return Json.write(out);
  }

  public static List<Finding> findings(String json) {
    List<Finding> findings = new ArrayList<>();
    for (Object item : list(json)) {
      Map<String, Object> map = map(item, "finding");
      Object retryAfter = map.get("retryAfter");
      findings.add(new Finding(
          string(map.get("code"), "code"),
          Severity.valueOf(string(map.get("severity"), "severity")),
          string(map.get("field"), "field"),
          string(map.get("explanation"), "explanation"),
          bool(map.get("fraud"), "fraud"),
          retryAfter == null ? null : Duration.parse(string(retryAfter, "retryAfter"))));
    }
    return findings;
  }

  public static String ids(List<Long> ids) {
    return Json.write(ids);
  }

  public static List<Long> ids(String json) {
    List<Long> ids = new ArrayList<>();
    for (Object id : list(json)) {
      ids.add(number(id, "id"));
    }
    return ids;
  }

  private static List<?> list(String json) {
    Object value = Json.read(json);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a JSON array");
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static String string(@Nullable Object value, String what) {
    if (!(value instanceof String string)) {
      throw new IllegalArgumentException(what + " must be a JSON string");
    }
    return string;
  }

  private static long number(@Nullable Object value, String what) {
    if (!(value instanceof Long number)) {
      throw new IllegalArgumentException(what + " must be a JSON integer");
    }
    return number;
  }

  private static boolean bool(@Nullable Object value, String what) {
    if (!(value instanceof Boolean bool)) {
      throw new IllegalArgumentException(what + " must be a JSON boolean");
    }
    return bool;
  }
}
