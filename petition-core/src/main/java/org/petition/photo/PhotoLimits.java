package org.petition.photo;

/**
 * What an uploaded photo may be, and how it is kept. Immutable; {@link #ofDefaults()} or {@link #builder()}.
 *
 * @param maxBytes the largest upload, 5 MB (5,242,880 bytes) by default
 * @param maxSide the most pixels on either side, 4,096 by default (checked in the header, before decoding)
 * @param storedSide the longest side of the stored image, 1,600 by default (larger photos are scaled down)
 * @param thumbnailSide the side of the square thumbnail the mosaic is tiled from, 240 by default
 * @param quality the JPEG quality of what is stored, 0.85 by default
 */
public record PhotoLimits(int maxBytes, int maxSide, int storedSide, int thumbnailSide, float quality) {

  /** 5 MB. */
  public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

  public PhotoLimits {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
    }
    if (maxSide < 16 || maxSide > 16_384) {
      throw new IllegalArgumentException("maxSide must be between 16 and 16384 pixels, was " + maxSide);
    }
    if (storedSide < 16 || storedSide > maxSide) {
      throw new IllegalArgumentException("storedSide must be between 16 and maxSide (" + maxSide + "), was " + storedSide);
    }
    if (thumbnailSide < 16 || thumbnailSide > storedSide) {
      throw new IllegalArgumentException(
          "thumbnailSide must be between 16 and storedSide (" + storedSide + "), was " + thumbnailSide);
    }
    if (!(quality > 0.1f && quality <= 1f)) {
      throw new IllegalArgumentException("quality must be above 0.1 and at most 1, was " + quality);
    }
  }

  /** 5 MB, 4096 × 4096, stored at 1600 px, thumbnails of 240 px, quality 0.85. */
  public static PhotoLimits ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder of {@link PhotoLimits}; {@link #build()} checks the values together. */
  public static final class Builder {
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxSide = 4096;
    private int storedSide = 1600;
    private int thumbnailSide = 240;
    private float quality = 0.85f;

    private Builder() {}

    /** The largest upload in bytes (at least 1024). */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1024) {
        throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** The most pixels on either side (16 to 16384). */
    public Builder maxSide(int maxSide) {
      if (maxSide < 16 || maxSide > 16_384) {
        throw new IllegalArgumentException("maxSide must be between 16 and 16384 pixels, was " + maxSide);
      }
      this.maxSide = maxSide;
      return this;
    }

    /** The longest side of the stored image (16 to maxSide). */
    public Builder storedSide(int storedSide) {
      if (storedSide < 16) {
        throw new IllegalArgumentException("storedSide must be at least 16 pixels, was " + storedSide);
      }
      this.storedSide = storedSide;
      return this;
    }

    /** The side of the square thumbnail (16 to storedSide). */
    public Builder thumbnailSide(int thumbnailSide) {
      if (thumbnailSide < 16) {
        throw new IllegalArgumentException("thumbnailSide must be at least 16 pixels, was " + thumbnailSide);
      }
      this.thumbnailSide = thumbnailSide;
      return this;
    }

    /** The JPEG quality of what is stored (above 0.1, at most 1). */
    public Builder quality(float quality) {
      if (!(quality > 0.1f && quality <= 1f)) {
        throw new IllegalArgumentException("quality must be above 0.1 and at most 1, was " + quality);
      }
      this.quality = quality;
      return this;
    }

    public PhotoLimits build() {
      return new PhotoLimits(maxBytes, maxSide, storedSide, thumbnailSide, quality);
    }
  }
}
