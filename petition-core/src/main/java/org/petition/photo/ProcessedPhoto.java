package org.petition.photo;

import java.util.Objects;

/**
 * A photo proven to be an image, turned upright and re-encoded as a JPEG without any metadata (no EXIF, GPS,
 * XMP or comment segment).
 *
 * @param jpeg the stored image
 * @param width its width in pixels
 * @param height its height in pixels
 * @param thumbnail a square JPEG cut from its centre, for the mosaic
 */
public record ProcessedPhoto(byte[] jpeg, int width, int height, byte[] thumbnail) {

  public ProcessedPhoto {
    Objects.requireNonNull(jpeg, "jpeg must not be null");
    Objects.requireNonNull(thumbnail, "thumbnail must not be null");
  }
}
