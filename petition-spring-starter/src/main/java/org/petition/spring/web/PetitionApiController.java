package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.ConfirmResult;
import org.petition.privacy.ConsentDocument;
import org.petition.CountryTally;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.PublicSignature;
import org.petition.RequestContext;
import org.petition.RevokeResult;
import org.petition.SignResult;
import org.petition.SignaturePage;
import org.petition.SignatureRequest;
import org.petition.SignerKind;
import org.petition.Tally;
import org.petition.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API: a petition's counter, signing, confirming, revoking and the public list of signatures.
 * Bodies are read as plain JSON objects and every field is type-checked here, so a wrong type is answered
 * with the field's name rather than a parser's message.
 */
@RestController
public class PetitionApiController {

  private static final List<String> TEXT_FIELDS = List.of("firstName", "lastName", "organizationName", "nickname",
      "email", "phone", "country", "city", "affiliation", "comment");

  private final Petitions petitions;
  private final HttpRequestContexts contexts;

  public PetitionApiController(Petitions petitions, HttpRequestContexts contexts) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.contexts = Objects.requireNonNull(contexts, "contexts must not be null");
  }

  @GetMapping("/api/petitions/{slug}")
  public ResponseEntity<Map<String, Object>> petition(@PathVariable("slug") String slug) {
    Optional<Petition> found = petitions.petition(slug);
    Optional<Tally> tally = petitions.tally(slug);
    if (found.isEmpty() || tally.isEmpty()) {
      return ApiResponses.notFound();
    }
    Petition petition = found.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", petition.slug());
    body.put("title", petition.title());
    body.put("target", petition.target());
    body.put("text", petition.text());
    body.put("goal", petition.goal());
    body.put("confirmed", tally.get().confirmed());
    body.put("open", petition.isOpenAt(petitions.clock().instant()));
    body.put("opensAt", petition.opensAt() == null ? null : petition.opensAt().toString());
    body.put("closesAt", petition.closesAt() == null ? null : petition.closesAt().toString());
    Map<String, Object> countries = new LinkedHashMap<>();
    for (Map.Entry<String, CountryTally> entry : new java.util.TreeMap<>(tally.get().countries()).entrySet()) {
      Map<String, Object> country = new LinkedHashMap<>();
      country.put("confirmed", entry.getValue().confirmed());
      country.put("goal", entry.getValue().goal());
      countries.put(entry.getKey(), country);
    }
    body.put("countries", countries);
    List<Map<String, Object>> consents = new ArrayList<>();
    for (ConsentDocument document : petition.consents()) {
      Map<String, Object> consent = new LinkedHashMap<>();
      consent.put("id", document.id());
      consent.put("version", document.version());
      consent.put("purpose", document.purpose().name());
      consent.put("required", document.required());
      consents.add(consent);
    }
    body.put("consents", consents);
    return ResponseEntity.ok(body);
  }

  @PostMapping("/api/petitions/{slug}/signatures")
  public ResponseEntity<Map<String, Object>> sign(@PathVariable("slug") String slug,
      @RequestBody(required = false) @Nullable Map<String, Object> body, HttpServletRequest request) {
    if (petitions.petition(slug).isEmpty()) {
      return ApiResponses.notFound();
    }
    if (body == null) {
      return ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
    }
    List<Violation> violations = new ArrayList<>();
    Map<String, @Nullable String> text = new LinkedHashMap<>();
    for (String field : TEXT_FIELDS) {
      text.put(field, string(body, field, violations));
    }
    SignerKind kind = kind(body.get("kind"), violations);
    List<String> consents = consents(body.get("consents"), violations);
    if (!violations.isEmpty()) {
      return ApiResponses.rejected(violations);
    }
    Object honeypot = body.get("website");
    String formId = body.get("formId") instanceof String id ? id : "api";
    RequestContext context = contexts.of(request, renderedAt(body.get("renderedAt")),
        honeypot == null ? null : String.valueOf(honeypot), formId, null);
    SignatureRequest signing = new SignatureRequest(slug, kind, text.get("firstName"), text.get("lastName"),
        text.get("organizationName"), text.get("nickname"), text.get("email"), text.get("phone"),
        text.get("country"), text.get("city"), text.get("affiliation"), text.get("comment"),
        new LinkedHashSet<>(consents), context);
    return ApiResponses.signed(petitions.sign(signing));
  }

  @PostMapping("/api/confirmations")
  public ResponseEntity<Map<String, Object>> confirm(@RequestBody(required = false) @Nullable Map<String, Object> body) {
    String token = body != null && body.get("token") instanceof String t ? t : null;
    if (token == null) {
      return ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
    }
    return ApiResponses.confirmed(petitions.confirm(token));
  }

  @PostMapping("/api/revocations")
  public ResponseEntity<Map<String, Object>> revoke(@RequestBody(required = false) @Nullable Map<String, Object> body) {
    String token = body != null && body.get("token") instanceof String t ? t : null;
    if (token == null) {
      return ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
    }
    return ApiResponses.revoked(petitions.revoke(token));
  }

  @GetMapping("/api/petitions/{slug}/signatures")
  public ResponseEntity<Map<String, Object>> signatures(@PathVariable("slug") String slug,
      @RequestParam(name = "limit", required = false) @Nullable String limit,
      @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
    if (petitions.petition(slug).isEmpty()) {
      return ApiResponses.notFound();
    }
    int size = 20;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > 100) {
        return ApiResponses.invalid(new Violation("limit", "limit.invalid", "limit must be between 1 and 100"));
      }
    }
    SignaturePage page;
    try {
      page = petitions.latest(slug, cursor == null || cursor.isBlank() ? null : cursor, size);
    } catch (IllegalArgumentException e) {
      return ApiResponses.invalid(new Violation("cursor", "cursor.invalid",
          "cursor is malformed: use the 'next' value of the previous page"));
    }
    List<Map<String, Object>> items = new ArrayList<>(page.items().size());
    for (PublicSignature signature : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("number", signature.number());
      item.put("signedAt", signature.signedAt().toString());
      item.put("name", signature.displayName());
      item.put("comment", signature.comment());
      item.put("affiliation", signature.affiliation());
      item.put("city", signature.city());
      item.put("country", signature.country());
      item.put("organization", signature.kind() == SignerKind.ORGANIZATION);
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("next", page.next());
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (page.noindex()) {
      response.header("X-Robots-Tag", "noindex");
    }
    return response.body(body);
  }

  private static @Nullable String string(Map<String, Object> body, String field, List<Violation> violations) {
    Object value = body.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.add(new Violation(field, "field.invalid_type", field + " must be a string"));
    return null;
  }

  private static @Nullable SignerKind kind(@Nullable Object value, List<Violation> violations) {
    if (value == null) {
      return SignerKind.PERSON;
    }
    if (value instanceof String kind) {
      for (SignerKind candidate : SignerKind.values()) {
        if (candidate.name().equalsIgnoreCase(kind.strip())) {
          return candidate;
        }
      }
    }
    violations.add(new Violation("kind", "kind.invalid", "kind must be PERSON or ORGANIZATION"));
    return null;
  }

  private static List<String> consents(@Nullable Object value, List<Violation> violations) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> ids = new ArrayList<>(list.size());
      for (Object item : list) {
        if (!(item instanceof String id)) {
          violations.add(new Violation("consents", "field.invalid_type", "consents must be a list of document ids"));
          return List.of();
        }
        ids.add(id);
      }
      return ids;
    }
    violations.add(new Violation("consents", "field.invalid_type", "consents must be a list of document ids"));
    return List.of();
  }

  private static @Nullable Instant renderedAt(@Nullable Object value) {
    // A bot-timing hint only: anything unreadable counts as not sent.
    long millis;
    if (value instanceof Number number) {
      millis = number.longValue();
    } else if (value instanceof String text && text.strip().matches("\\d{1,15}")) {
      millis = Long.parseLong(text.strip());
    } else {
      return null;
    }
    return millis > 0 ? Instant.ofEpochMilli(millis) : null;
  }
}
