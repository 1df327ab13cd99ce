package org.petition.spring.moderation;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.store.PhotoInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Photo moderation, beside {@link PetitionModerationController} and like it open only to an authenticated
 * principal ({@code 401 UNAUTHENTICATED} otherwise). Changes are {@code POST}s with a JSON body.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /api/moderation/petitions/{slug}/photos}</td><td>photos held for approval, oldest first
 *       ({@code {"photos":[{"id","signatureId","counted","width","height","receivedAt"}]}})</td></tr>
 *   <tr><td>{@code GET /api/moderation/photos/{id}.jpg}</td><td>any photo, held or approved</td></tr>
 *   <tr><td>{@code POST /api/moderation/photos/{id}/approve {}}</td><td>public once its signature counts;
 *       409 {@code NOT_HELD}</td></tr>
 *   <tr><td>{@code POST /api/moderation/photos/{id}/remove {}}</td><td>deleted (the signature stays)</td></tr>
 * </table>
 */
@RestController
@RequestMapping(path = "/api/moderation")
public class PhotoModerationController {

  private static final Logger LOG = LoggerFactory.getLogger(PhotoModerationController.class);
  private static final Pattern PHOTO_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final Petitions petitions;

  public PhotoModerationController(Petitions petitions) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
  }

  /** A held photo as listed. */
  public record HeldPhoto(String id, long signatureId, boolean counted, int width, int height, String receivedAt) {
    static HeldPhoto of(PhotoInfo info) {
      return new HeldPhoto(info.id(), info.signatureId(), info.counted(), info.width(), info.height(),
          info.receivedAt().toString());
    }
  }

  /** Held photos. */
  public record HeldPhotos(List<HeldPhoto> photos) {}

  @GetMapping(path = "/petitions/{slug}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> held(@PathVariable("slug") String slug, HttpServletRequest request) {
    if (principal(request) == null) {
      return status(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }
    if (petitions.petition(slug).isEmpty()) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new HeldPhotos(petitions.photos().held(slug, 200).stream().map(HeldPhoto::of).toList()));
  }

  @GetMapping("/photos/{id}.jpg")
  public ResponseEntity<?> image(@PathVariable("id") String id, HttpServletRequest request) {
    if (principal(request) == null) {
      return status(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }
    Optional<byte[]> jpeg = PHOTO_ID.matcher(id).matches() ? petitions.photos().image(id) : Optional.empty();
    return jpeg.<ResponseEntity<?>>map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore()).body(bytes)).orElseGet(() -> status(HttpStatus.NOT_FOUND, "NOT_FOUND"));
  }

  @PostMapping(path = "/photos/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> approve(@PathVariable("id") String id, HttpServletRequest request) {
    String moderator = principal(request);
    if (moderator == null) {
      return status(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }
    if (!PHOTO_ID.matcher(id).matches() || petitions.photos().image(id).isEmpty()) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    if (!petitions.photos().approve(id)) {
      return status(HttpStatus.CONFLICT, "NOT_HELD");
    }
    LOG.info("a moderator approved photo {}", id);
    return status(HttpStatus.OK, "APPROVED");
  }

  @PostMapping(path = "/photos/{id}/remove", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> remove(@PathVariable("id") String id, HttpServletRequest request) {
    String moderator = principal(request);
    if (moderator == null) {
      return status(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }
    if (!PHOTO_ID.matcher(id).matches() || !petitions.photos().remove(id)) {
      return status(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    LOG.info("a moderator removed photo {}", id);
    return status(HttpStatus.OK, "REMOVED");
  }

  private static @Nullable String principal(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    return principal == null || principal.getName() == null || principal.getName().isBlank() ? null
        : principal.getName();
  }

  private static ResponseEntity<?> status(HttpStatus status, String name) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ModerationBodies.Status(name));
  }
}
