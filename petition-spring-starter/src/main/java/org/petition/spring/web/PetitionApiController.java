package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.RelatedPetition;
import org.petition.TransparencyLog;
import org.petition.RequestContext;
import org.petition.SignaturePage;
import org.petition.SignatureRequest;
import org.petition.SignerKind;
import org.petition.Tally;
import org.petition.Violation;
import org.petition.account.SignedInSigner;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API: a petition's counter, signing, asking for the confirmation mail again, confirming, revoking and
 * the public list of signatures. It reads {@link SigningForm}, {@link ResendForm} and {@link TokenForm} and
 * answers with {@link ApiBody} records. A form's values
 * are type-checked here, so a wrong type is answered with the field's name rather than a parser's message.
 * Bodies are read with the starter's own bounded JSON mapper, not the application's: malformed JSON is
 * answered {@code 400 {"status":"INVALID_JSON"}} and a body over the limit {@code 413 {"status":"TOO_LARGE"}}.
 */
@RestController
@RequestMapping("${petition.web.base-path:}")
public class PetitionApiController {

  /** The body limit when none is given: {@code petition.web.max-body-bytes}'s default. */
  public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024;

  private final Petitions petitions;
  private final HttpRequestContexts contexts;
  private final JsonBodies bodies;

  public PetitionApiController(Petitions petitions, HttpRequestContexts contexts) {
    this(petitions, contexts, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @param maxBodyBytes the largest JSON body read, in bytes; {@link RequestBodyLimitFilter} refuses larger ones
   *     before they reach the controller, and the controller's own reading stops there too
   */
  public PetitionApiController(Petitions petitions, HttpRequestContexts contexts, int maxBodyBytes) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.contexts = Objects.requireNonNull(contexts, "contexts must not be null");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    this.bodies = new JsonBodies(maxBodyBytes);
  }

  @GetMapping("/api/petitions/{slug}")
  public ResponseEntity<ApiBody> petition(@PathVariable("slug") String slug) {
    Optional<Petition> found = petitions.petition(slug);
    Optional<Tally> tally = petitions.tally(slug);
    if (found.isEmpty() || tally.isEmpty()) {
      return ApiResponses.notFound();
    }
    Petition petition = found.get();
    Map<String, ApiBody.CountryCount> countries = new TreeMap<>();
    tally.get().countries().forEach((country, count) ->
        countries.put(country, new ApiBody.CountryCount(count.confirmed(), count.goal())));
    List<ApiBody.Consent> consents = petition.consents().stream()
        .map(document -> new ApiBody.Consent(document.id(), document.version(), document.purpose().name(),
            document.required()))
        .toList();
    // A form token of its own in every answer: not to be cached and shared between clients.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ApiBody.PetitionDetails(petition.slug(),
        petition.title(), petition.target(), petition.text(), petition.goal(), tally.get().confirmed(),
        petition.isOpenAt(petitions.clock().instant()), text(petition.opensAt()), text(petition.closesAt()), countries,
        consents, petitions.formToken(petition.slug()), petition.letterLimit()));
  }

  @PostMapping("/api/petitions/{slug}/signatures")
  public ResponseEntity<ApiBody> sign(@PathVariable("slug") String slug, HttpServletRequest request) {
    @Nullable SigningForm form;
    byte @Nullable [] photo = null;
    if (MultipartBody.isMultipart(request.getContentType())) {
      // A signing with a photo: the same fields as parts, and the file part "photo".
      Optional<MultipartBody> multipart = multipart(request);
      if (multipart.isEmpty()) {
        return ApiResponses.invalid(new Violation("request", "request.malformed",
            "the body must be multipart/form-data with a boundary, each part named in its Content-Disposition"));
      }
      form = MultipartSigning.form(multipart.get());
      photo = MultipartSigning.photo(multipart.get());
    } else {
      form = bodies.read(request, SigningForm.class);
    }
    if (form == null || petitions.petition(slug).isEmpty()) {
      return unusable(slug);
    }
    List<Violation> violations = new ArrayList<>();
    String firstName = string(form.firstName(), "firstName", violations);
    String lastName = string(form.lastName(), "lastName", violations);
    String organizationName = string(form.organizationName(), "organizationName", violations);
    String nickname = string(form.nickname(), "nickname", violations);
    String email = string(form.email(), "email", violations);
    String phone = string(form.phone(), "phone", violations);
    String country = string(form.country(), "country", violations);
    String city = string(form.city(), "city", violations);
    String affiliation = string(form.affiliation(), "affiliation", violations);
    String comment = string(form.comment(), "comment", violations);
    String letter = string(form.letter(), "letter", violations);
    SignerKind kind = kind(form.kind(), violations);
    List<String> consents = consents(form.consents(), violations);
    if (!violations.isEmpty()) {
      return ApiResponses.rejected(violations);
    }
    Object honeypot = form.website();
    String formId = form.formId() instanceof String id ? id : "api";
    // The render time is the one the form token holds; a client's renderedAt is never believed.
    RequestContext context = contexts.ofForm(request, form.formToken() instanceof String token ? token : null,
        honeypot == null ? null : String.valueOf(honeypot), formId, null);
    SignatureRequest signing = new SignatureRequest(slug, kind, firstName, lastName, organizationName, nickname,
        email, phone, country, city, affiliation, comment, new LinkedHashSet<>(consents), context, letter);
    // A signed-in returning signer (the session cookie): counted at once when verified and the address is theirs.
    SignedInSigner signer = SignedInSessions.signer(request);
    if (signer != null && !SessionCsrf.proven(request)) {
      return ApiResponses.csrfRequired();
    }
    return ApiResponses.signed(photo == null ? petitions.sign(signing, signer) : petitions.sign(signing, signer, photo));
  }

  // The body the body limit filter kept (within petition.web.max-upload-bytes), parsed.
  private static Optional<MultipartBody> multipart(HttpServletRequest request) {
    try {
      return MultipartBody.parse(request.getInputStream().readAllBytes(), request.getContentType());
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /**
   * "Didn't get the mail?": always {@code 202 {"status":"PENDING"}} for a valid address, whether or not it
   * signed (a pending signature is mailed its link again, within the resend limits).
   */
  @PostMapping("/api/petitions/{slug}/resends")
  public ResponseEntity<ApiBody> resend(@PathVariable("slug") String slug, HttpServletRequest request) {
    @Nullable ResendForm form = bodies.read(request, ResendForm.class);
    if (form == null || petitions.petition(slug).isEmpty()) {
      return unusable(slug);
    }
    List<Violation> violations = new ArrayList<>(1);
    String email = string(form.email(), "email", violations);
    if (!violations.isEmpty()) {
      return ApiResponses.rejected(violations);
    }
    // Without Accept-Language the mail goes in the language the signature was made in.
    return ApiResponses.signed(petitions.resend(slug, email, HttpRequestContexts.acceptLanguage(request)));
  }

  @PostMapping("/api/confirmations")
  public ResponseEntity<ApiBody> confirm(HttpServletRequest request) {
    String token = token(bodies.read(request, TokenForm.class));
    if (token == null) {
      return ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
    }
    ConfirmResult result = petitions.confirm(token);
    long number = result instanceof ConfirmResult.Confirmed confirmed ? confirmed.number()
        : result instanceof ConfirmResult.AlreadyConfirmed already ? already.number() : 0;
    TransparencyLog.Receipt receipt = number > 0 ? petitions.log().receipt(token, number).orElse(null) : null;
    // The signer's invite token, while the signature counts (issue 20: invite friends).
    String inviteToken = number > 0
        ? petitions.invitations().tokenAfterConfirmation(token).map(org.petition.invite.InviteToken::token).orElse(null)
        : null;
    return ApiResponses.confirmed(result, receipt, inviteToken);
  }

  @PostMapping("/api/revocations")
  public ResponseEntity<ApiBody> revoke(HttpServletRequest request) {
    String token = token(bodies.read(request, TokenForm.class));
    if (token == null) {
      return ApiResponses.status(HttpStatus.BAD_REQUEST, "INVALID");
    }
    return ApiResponses.revoked(petitions.revoke(token));
  }

  @GetMapping("/api/petitions/{slug}/signatures")
  public ResponseEntity<ApiBody> signatures(@PathVariable("slug") String slug,
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
    List<ApiBody.Signature> items = page.items().stream()
        .map(signature -> new ApiBody.Signature(signature.number(), signature.signedAt().toString(),
            signature.displayName(), signature.comment(), signature.affiliation(), signature.city(),
            signature.country(), signature.kind() == SignerKind.ORGANIZATION))
        .toList();
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (page.noindex()) {
      response.header("X-Robots-Tag", "noindex");
    }
    return response.body(new ApiBody.SignatureList(items, page.next()));
  }

  /**
   * "Signers also signed": a JSON list of the petitions most shared with this one's counted signers, each
   * shared by at least 5 (or the configured threshold), without counts; {@code limit} 1 to 20, 5 by default.
   */
  @GetMapping("/api/petitions/{slug}/related")
  public ResponseEntity<?> related(@PathVariable("slug") String slug,
      @RequestParam(name = "limit", required = false) @Nullable String limit) {
    if (petitions.petition(slug).isEmpty()) {
      return ApiResponses.notFound();
    }
    int size = 5;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > 20) {
        return ApiResponses.invalid(new Violation("limit", "limit.invalid", "limit must be between 1 and 20"));
      }
    }
    Optional<List<RelatedPetition>> related = petitions.related(slug, size);
    if (related.isEmpty()) {
      return ApiResponses.notFound();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
        .body(related.get().stream().map(r -> new ApiBody.Related(r.slug(), r.title(), r.target())).toList());
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static @Nullable String token(@Nullable TokenForm form) {
    return form != null && form.token() instanceof String token ? token : null;
  }

  private static @Nullable String string(@Nullable Object value, String field, List<Violation> violations) {
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

  /** The answer to a form for an unknown petition (404), or to a body that is not a JSON object. */
  private ResponseEntity<ApiBody> unusable(String slug) {
    return petitions.petition(slug).isEmpty()
        ? ApiResponses.notFound()
        : ApiResponses.rejected(List.of(ApiResponses.MALFORMED));
  }
}
