package org.petition.photo;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.petition.Violation;
import org.petition.photo.internal.ImageFormat;
import org.petition.photo.internal.Jpegs;
import org.petition.photo.internal.Orientation;
import org.petition.photo.internal.UploadDecoder;

/**
 * Turns an upload into a photo fit to keep, or refuses it on the field {@code photo}, in this order: the size
 * in bytes; the format by its magic number (JPEG or PNG, nothing else); the dimensions, read from the header
 * before any pixel is decoded (so a PNG declaring 100,000 × 100,000 is refused at once); then every pixel row
 * decoded, subsampled to about the stored size (a truncated or damaged file is refused); the EXIF orientation
 * applied; and a JPEG written afresh without any metadata, and its square thumbnail.
 *
 * <p>Thread-safe. Decodings run {@link #MAX_CONCURRENT_DECODINGS} at a time at most (the others wait), which
 * bounds the memory and processor time a burst of uploads takes. Runs headless ({@code java.awt.headless}).
 */
public final class PhotoProcessor {

  /** How many uploads are decoded at once, per processor instance. */
  public static final int MAX_CONCURRENT_DECODINGS = Math.max(1, Runtime.getRuntime().availableProcessors());

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final PhotoLimits limits;
  private final Semaphore decodings = new Semaphore(MAX_CONCURRENT_DECODINGS, true);

  private PhotoProcessor(PhotoLimits limits) {
    this.limits = limits;
  }

  /** A processor with these limits. */
  public static PhotoProcessor of(PhotoLimits limits) {
    return new PhotoProcessor(Objects.requireNonNull(limits, "limits must not be null"));
  }

  /** A processor with {@link PhotoLimits#ofDefaults()}. */
  public static PhotoProcessor ofDefaults() {
    return of(PhotoLimits.ofDefaults());
  }

  /** The limits it applies. */
  public PhotoLimits limits() {
    return limits;
  }

  /** Checks, cleans and re-encodes an upload; bad input is a {@link PhotoVerdict.Rejected}, never an exception. */
  public PhotoVerdict process(byte[] upload) {
    Objects.requireNonNull(upload, "upload must not be null");
    if (upload.length == 0) {
      return refuse("photo.empty", "the photo is empty");
    }
    if (upload.length > limits.maxBytes()) {
      return refuse("photo.too_large", "the photo must be at most " + megabytes(limits.maxBytes()) + " ("
          + limits.maxBytes() + " bytes)");
    }
    Optional<ImageFormat> format = ImageFormat.sniff(upload);
    if (format.isEmpty()) {
      return refuse("photo.not_image", "the photo must be a JPEG or PNG image");
    }
    UploadDecoder decoder = new UploadDecoder(format.get(), upload);
    UploadDecoder.Header header;
    try {
      header = decoder.header();
    } catch (UploadDecoder.DamagedImage e) {
      return refuse("photo.not_image", "the photo must be a JPEG or PNG image: " + e.getMessage());
    }
    if (header.width() < 1 || header.height() < 1 || header.width() > limits.maxSide()
        || header.height() > limits.maxSide()) {
      return refuse("photo.too_many_pixels", "the photo must be at most " + limits.maxSide() + " × "
          + limits.maxSide() + " pixels, was " + header.width() + " × " + header.height());
    }
    // Keep at least storedSide pixels on the longest side, so the scaling after it has something to work on.
    int subsampling = Math.max(1, Math.max(header.width(), header.height()) / limits.storedSide());
    BufferedImage decoded;
    try {
      decodings.acquireUninterruptibly();
      try {
        decoded = decoder.decode(subsampling);
      } finally {
        decodings.release();
      }
    } catch (UploadDecoder.DamagedImage e) {
      return refuse("photo.damaged", "the photo could not be decoded: " + e.getMessage());
    }
    BufferedImage upright = Orientation.apply(Jpegs.fit(decoded, limits.storedSide()), Orientation.of(upload));
    byte[] jpeg = Jpegs.encode(upright, limits.quality());
    byte[] thumbnail = Jpegs.encode(Jpegs.square(upright, limits.thumbnailSide()), limits.quality());
    return new PhotoVerdict.Accepted(new ProcessedPhoto(jpeg, upright.getWidth(), upright.getHeight(), thumbnail));
  }

  private static String megabytes(int bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }

  private static PhotoVerdict refuse(String code, String message) {
    return new PhotoVerdict.Rejected(new Violation("photo", code, message));
  }
}
