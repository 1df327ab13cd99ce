package org.petition.photo.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation (TIFF tag 274, 1 to 8) of a photo, read with metadata-extractor, and applied to its
 * pixels so that the re-encoded image, which has no EXIF, still stands upright.
 */
public final class Orientation {

  private Orientation() {}

  /** The orientation the photo's EXIF declares; 1 (as stored) when it has none or it cannot be read. */
  public static int of(byte[] bytes) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
      for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        if (directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          int orientation = directory.getInt(ExifIFD0Directory.TAG_ORIENTATION);
          return orientation >= 1 && orientation <= 8 ? orientation : 1;
        }
      }
    } catch (Exception e) {
      // A damaged EXIF segment is no reason to refuse a photo that decodes: it is stripped anyway.
      LoggerFactory.getLogger(Orientation.class).debug("no readable EXIF orientation: {}", e.getClass().getSimpleName());
    }
    return 1;
  }

  /** The image turned as {@code orientation} says (1: unchanged; 6: the camera was turned right; …). */
  public static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
      case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
      case 4 -> { t.translate(0, h); t.scale(1, -1); }
      case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
      case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
      case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
      default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); } // 8
    }
    BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = turned.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return turned;
  }
}
