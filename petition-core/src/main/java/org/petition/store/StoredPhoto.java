package org.petition.store;

import java.util.Objects;

/**
 * A signature's photo as the store keeps it: already re-encoded as JPEG without metadata, and a square
 * thumbnail for the mosaic.
 *
 * @param info what is listed of it
 * @param image the JPEG
 * @param thumbnail the square JPEG thumbnail
 */
public record StoredPhoto(PhotoInfo info, byte[] image, byte[] thumbnail) {

  public StoredPhoto {
    Objects.requireNonNull(info, "info must not be null");
    Objects.requireNonNull(image, "image must not be null");
    Objects.requireNonNull(thumbnail, "thumbnail must not be null");
  }

  /** The photo's id. */
  public String id() {
    return info.id();
  }
}
