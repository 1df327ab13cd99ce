package org.petition.spring.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.photo.Mosaic;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public photos of photo campaigns: each approved photo of a counted signature, their list, and the mosaic
 * of them all, drawn server-side (headless {@code java.awt}) and cached until the set of photos changes.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /api/petitions/{slug}/photos}</td><td>{@code {"photos":[{"id","url","width","height"}]}},
 *       oldest first, at most 500</td></tr>
 *   <tr><td>{@code GET /api/petitions/{slug}/photos/{id}.jpg}</td><td>the JPEG; 404 unless public</td></tr>
 *   <tr><td>{@code GET /api/petitions/{slug}/mosaic.jpg?width=1200}</td><td>the mosaic, {@value
 *       Mosaic#MIN_WIDTH} to {@value Mosaic#MAX_WIDTH} pixels wide (400 naming {@code width} otherwise); 404
 *       {@code NO_PHOTOS} while there is none</td></tr>
 * </table>
 *
 * <p>A photo's id is 128 random bits: it cannot be guessed from another and tells nothing of the signer's
 * number or the order of signing. Answers are cached by clients for a few minutes only, as a photo is deleted
 * when its signer revokes or asks for erasure.
 */
@RestController
@RequestMapping("${petition.web.base-path:}")
public class PetitionPhotoController {

  /** The mosaic's width when none is asked for. */
  public static final int DEFAULT_MOSAIC_WIDTH = 1200;

  private static final Pattern PHOTO_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final MediaType JPEG = MediaType.IMAGE_JPEG;
  private static final CacheControl PUBLIC_BRIEFLY = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private final Petitions petitions;

  public PetitionPhotoController(Petitions petitions) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
  }

  /** One public photo as listed. */
  public record PhotoItem(String id, String url, int width, int height) {}

  /** The public photos of a petition. */
  public record PhotoList(List<PhotoItem> photos) {}

  @GetMapping(path = "/api/petitions/{slug}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> photos(@PathVariable("slug") String slug) {
    if (petitions.petition(slug).isEmpty()) {
      return ApiResponses.notFound();
    }
    String base = petitions.baseUrl() + "/api/petitions/" + slug + "/photos/";
    List<PhotoItem> items = petitions.photos().published(slug, 500).stream()
        .map(photo -> new PhotoItem(photo.id(), base + photo.id() + ".jpg", photo.width(), photo.height())).toList();
    return ResponseEntity.ok().cacheControl(PUBLIC_BRIEFLY).body(new PhotoList(items));
  }

  @GetMapping("/api/petitions/{slug}/photos/{id}.jpg")
  public ResponseEntity<byte[]> photo(@PathVariable("slug") String slug, @PathVariable("id") String id) {
    if (!PHOTO_ID.matcher(id).matches()) {
      return json(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    Optional<byte[]> jpeg = petitions.photos().publicPhoto(slug, id);
    return jpeg.map(bytes -> ResponseEntity.ok().contentType(JPEG).cacheControl(PUBLIC_BRIEFLY)
        .header("X-Content-Type-Options", "nosniff").body(bytes)).orElseGet(() -> json(HttpStatus.NOT_FOUND, "NOT_FOUND"));
  }

  @GetMapping("/api/petitions/{slug}/mosaic.jpg")
  public ResponseEntity<byte[]> mosaic(@PathVariable("slug") String slug,
      @RequestParam(name = "width", required = false) @Nullable String width) {
    int pixels = DEFAULT_MOSAIC_WIDTH;
    if (width != null) {
      try {
        pixels = Integer.parseInt(width.strip());
      } catch (NumberFormatException e) {
        pixels = -1;
      }
      if (pixels < Mosaic.MIN_WIDTH || pixels > Mosaic.MAX_WIDTH) {
        return invalidWidth();
      }
    }
    if (petitions.petition(slug).isEmpty()) {
      return json(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
    Optional<byte[]> jpeg = petitions.photos().mosaic(slug, pixels);
    return jpeg.map(bytes -> ResponseEntity.ok().contentType(JPEG).cacheControl(PUBLIC_BRIEFLY)
        .header("X-Content-Type-Options", "nosniff").body(bytes)).orElseGet(() -> json(HttpStatus.NOT_FOUND, "NO_PHOTOS"));
  }

  // Errors as JSON bytes: an image route's answer must not depend on the client's Accept header.
  private static ResponseEntity<byte[]> json(HttpStatus status, String value) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
        .body(("{\"status\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseEntity<byte[]> invalidWidth() {
    String body = "{\"status\":\"INVALID\",\"errors\":[{\"field\":\"width\",\"code\":\"width.invalid\",\"message\":"
        + "\"width must be a whole number of pixels from " + Mosaic.MIN_WIDTH + " to " + Mosaic.MAX_WIDTH + "\"}]}";
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
        .body(body.getBytes(StandardCharsets.UTF_8));
  }
}
