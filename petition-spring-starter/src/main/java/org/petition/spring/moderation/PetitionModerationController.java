package org.petition.spring.moderation;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.moderation.BulkResult;
import org.petition.moderation.HeldSignature;
import org.petition.store.ModerationAction;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation REST API, on core's {@link org.petition.moderation.Moderation}. Every request needs an
 * authenticated principal (Spring Security's, or the container's): without one it is {@code 401
 * UNAUTHENTICATED}, so the API is never open by mistake; the principal's name is recorded as the moderator of every
 * decision. Changes are {@code POST}s with a JSON body ({@code application/json}, which a cross-site form cannot
 * send).
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /api/moderation/petitions/{slug}/held?after=0&limit=50}</td><td>held signatures with their
 *       findings, oldest first</td></tr>
 *   <tr><td>{@code POST /api/moderation/signatures/{id}/approve {"reason"}}</td><td>it counts (now, or once
 *       confirmed)</td></tr>
 *   <tr><td>{@code POST /api/moderation/signatures/{id}/remove {"reason"}}</td><td>removed; the answer's
 *       {@code actionId} undoes it</td></tr>
 *   <tr><td>{@code POST /api/moderation/petitions/{slug}/removals {criteria, "reason", "dryRun"}}</td><td>bulk
 *       removal; a dry run only counts</td></tr>
 *   <tr><td>{@code POST /api/moderation/actions/{id}/undo}</td><td>a removal undone</td></tr>
 *   <tr><td>{@code GET /api/moderation/petitions/{slug}/log?limit=50}</td><td>the audit log, newest first</td></tr>
 * </table>
 */
@RestController
@RequestMapping(path = "/api/moderation", produces = MediaType.APPLICATION_JSON_VALUE)
public class PetitionModerationController {

  private static final int MAX_LIMIT = 500;
  private static final int BATCH = 500;

  private final Petitions petitions;

  public PetitionModerationController(Petitions petitions) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
  }

  @GetMapping("/petitions/{slug}/held")
  public ResponseEntity<?> held(@PathVariable("slug") String slug,
      @RequestParam(name = "after", defaultValue = "0") String after,
      @RequestParam(name = "limit", defaultValue = "50") String limit, HttpServletRequest request) {
    Optional<ResponseEntity<?>> refused = refuse(request, slug);
    if (refused.isPresent()) {
      return refused.get();
    }
    Long afterId = number(after, 0, Long.MAX_VALUE);
    Long max = number(limit, 1, MAX_LIMIT);
    if (afterId == null || max == null) {
      return invalid(afterId == null ? "after" : "limit", "use a number" + (max == null ? " from 1 to " + MAX_LIMIT
          : " of 0 or more"));
    }
    List<HeldSignature> held = petitions.moderation().held(slug, afterId, max.intValue());
    Long next = held.size() == max ? held.get(held.size() - 1).id() : null;
    return ResponseEntity.ok(new ModerationBodies.HeldPage(held.stream().map(ModerationBodies.Held::of).toList(),
        next));
  }

  @PostMapping(path = "/signatures/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> approve(@PathVariable("id") String id, @RequestBody ModerationBodies.Decision decision,
      HttpServletRequest request) {
    Optional<ResponseEntity<?>> refused = refuse(request, null);
    if (refused.isPresent()) {
      return refused.get();
    }
    Long signatureId = number(id, 1, Long.MAX_VALUE);
    if (signatureId == null) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    String reason = reason(decision.reason());
    if (reason == null) {
      return missingReason();
    }
    if (petitions.store().find(signatureId).isEmpty()) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    if (!petitions.moderation().approve(signatureId, moderator(request), reason)) {
      return status(HttpStatus.CONFLICT, "NOT_HELD");
    }
    return ResponseEntity.ok(new ModerationBodies.Approved("APPROVED", signatureId));
  }

  @PostMapping(path = "/signatures/{id}/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> remove(@PathVariable("id") String id, @RequestBody ModerationBodies.Decision decision,
      HttpServletRequest request) {
    Optional<ResponseEntity<?>> refused = refuse(request, null);
    if (refused.isPresent()) {
      return refused.get();
    }
    Long signatureId = number(id, 1, Long.MAX_VALUE);
    String reason = reason(decision.reason());
    if (signatureId == null) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    if (reason == null) {
      return missingReason();
    }
    Optional<ModerationAction> action = petitions.moderation().remove(signatureId, moderator(request), reason);
    return action.<ResponseEntity<?>>map(done -> ResponseEntity.ok(new ModerationBodies.Removed("REMOVED", done.id(),
        done.signatureIds().size(), 0))).orElseGet(() -> status(HttpStatus.NOT_FOUND, "NOT_FOUND"));
  }

  @PostMapping(path = "/petitions/{slug}/removals", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> removeAll(@PathVariable("slug") String slug,
      @RequestBody ModerationBodies.BulkRemoval removal,
      HttpServletRequest request) {
    Optional<ResponseEntity<?>> refused = refuse(request, slug);
    if (refused.isPresent()) {
      return refused.get();
    }
    SignatureCriteria criteria;
    try {
      criteria = criteria(removal);
    } catch (InvalidField e) {
      return invalid(e.field, String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return invalid("criteria", String.valueOf(e.getMessage()));
    }
    if (removal.onlyCount()) {
      return ResponseEntity.ok(new ModerationBodies.DryRun("DRY_RUN", matching(slug, criteria), criteria.describe()));
    }
    String reason = reason(removal.reason());
    if (reason == null) {
      return missingReason();
    }
    BulkResult result = petitions.moderation().removeAll(slug, criteria, moderator(request), reason, BATCH);
    return ResponseEntity.ok(new ModerationBodies.Removed("REMOVED", result.actionId(), result.removed(),
        result.uncounted()));
  }

  @PostMapping("/actions/{id}/undo")
  public ResponseEntity<?> undo(@PathVariable("id") String id, HttpServletRequest request) {
    Optional<ResponseEntity<?>> refused = refuse(request, null);
    if (refused.isPresent()) {
      return refused.get();
    }
    Long actionId = number(id, 1, Long.MAX_VALUE);
    if (actionId == null || petitions.store().moderationAction(actionId).isEmpty()) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    if (petitions.store().moderationAction(actionId).get().kind() == ModerationAction.Kind.APPROVE) {
      return status(HttpStatus.CONFLICT, "NOT_UNDOABLE");
    }
    return ResponseEntity.ok(new ModerationBodies.Restored("RESTORED",
        petitions.moderation().undo(actionId, moderator(request))));
  }

  @GetMapping("/petitions/{slug}/log")
  public ResponseEntity<?> log(@PathVariable("slug") String slug,
      @RequestParam(name = "limit", defaultValue = "50") String limit,
      HttpServletRequest request) {
    Optional<ResponseEntity<?>> refused = refuse(request, slug);
    if (refused.isPresent()) {
      return refused.get();
    }
    Long max = number(limit, 1, MAX_LIMIT);
    if (max == null) {
      return invalid("limit", "use a number from 1 to " + MAX_LIMIT);
    }
    return ResponseEntity.ok(petitions.moderation().log(slug, max.intValue()).stream()
        .map(ModerationBodies.LogEntry::of).toList());
  }

  // JDK 17's javac drops type-use annotations (byte @Nullable []) from the implicit parameters of a record's
  // canonical constructor, so NullAway takes them for non-null; they are nullable, as the record declares.
  @SuppressWarnings("NullAway")
  private static SignatureCriteria criteria(ModerationBodies.BulkRemoval removal) {
    return new SignatureCriteria(blankToNull(removal.network()), blankToNull(removal.networkPrefix()),
        blankToNull(removal.emailDomain()), null, pattern(removal.displayNamePattern()),
        blankToNull(removal.country()), instant(removal.signedFrom(), "signedFrom"),
        instant(removal.signedUntil(), "signedUntil"));
  }

  /** How many signatures a bulk removal with these criteria would remove now (those not removed already). */
  private int matching(String slug, SignatureCriteria criteria) {
    int count = 0;
    long after = 0;
    while (true) {
      List<StoredSignature> batch = petitions.store().search(slug, criteria, after, BATCH);
      if (batch.isEmpty()) {
        return count;
      }
      for (StoredSignature signature : batch) {
        after = signature.id();
        if (signature.state() != SignatureState.REMOVED) {
          count++;
        }
      }
    }
  }

  /** 401 without an authenticated principal; 404 for an unknown petition (when one is named). */
  private Optional<ResponseEntity<?>> refuse(HttpServletRequest request, @Nullable String slug) {
    Principal principal = request.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return Optional.of(status(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
    }
    if (slug != null && petitions.petition(slug).isEmpty()) {
      return Optional.of(status(HttpStatus.NOT_FOUND, "NOT_FOUND"));
    }
    return Optional.empty();
  }

  private static String moderator(HttpServletRequest request) {
    return Objects.requireNonNull(request.getUserPrincipal(), "checked by refuse").getName();
  }

  private static @Nullable String reason(@Nullable String reason) {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }

  private static ResponseEntity<?> missingReason() {
    return invalid("reason", "say why: the reason is kept in the audit log");
  }

  private static ResponseEntity<?> invalid(String field, String message) {
    return ResponseEntity.unprocessableContent().body(ModerationBodies.Rejected.of(field, "field.invalid", message));
  }

  private static ResponseEntity<?> status(HttpStatus status, String name) {
    return ResponseEntity.status(status).body(new ModerationBodies.Status(name));
  }

  private static @Nullable Long number(String text, long min, long max) {
    try {
      long value = Long.parseLong(text.strip());
      return value < min || value > max ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static @Nullable Pattern pattern(@Nullable String regex) {
    if (regex == null || regex.isBlank()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidField("displayNamePattern", "not a regular expression: " + e.getDescription());
    }
  }

  private static @Nullable Instant instant(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "use an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  /** A field of the request that cannot be read. */
  private static final class InvalidField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidField(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
