package org.petition.photo;

import java.util.List;
import java.util.Optional;
import org.petition.store.PhotoInfo;

/**
 * The photos of photo campaigns ({@link org.petition.PhotoPolicy}), from {@code Petitions.photos()}. A photo
 * comes with a signing ({@code Petitions.sign(request, signer, photo)}), is public once approved (at once under
 * {@code PUBLISHED}) and its signature counts, and is deleted with its signature's personal data: on
 * revocation, erasure, a moderator's removal, the purge of a pending signature, and retention.
 *
 * <p>Photo ids are 22 random URL-safe characters (128 bits): they cannot be guessed and say nothing of the
 * signature, its number or the order of signing.
 */
public interface Photos {

  /** A public photo's JPEG: approved, of a counted signature, of this petition; else empty. */
  Optional<byte[]> publicPhoto(String petition, String id);

  /** Up to {@code limit} public photos of a petition, oldest first. */
  List<PhotoInfo> published(String petition, int limit);

  /**
   * The mosaic of a petition's public photos (the newest {@link Mosaic#MAX_TILES}) as one JPEG {@code width}
   * pixels wide; rendered once per set of photos and width, then served from a cache until the set changes.
   *
   * @return empty for an unknown petition or one without public photos
   * @throws IllegalArgumentException when {@code width} is outside {@link Mosaic#MIN_WIDTH}..{@link
   *     Mosaic#MAX_WIDTH}
   */
  Optional<byte[]> mosaic(String petition, int width);

  /** For moderators: up to {@code limit} photos of a petition waiting for approval, oldest first. */
  List<PhotoInfo> held(String petition, int limit);

  /** For moderators: any photo's JPEG, held or approved. */
  Optional<byte[]> image(String id);

  /** For moderators: approves a held photo; answers whether there was one held. */
  boolean approve(String id);

  /** For moderators: deletes a photo (the signature stays); answers whether there was one. */
  boolean remove(String id);
}
