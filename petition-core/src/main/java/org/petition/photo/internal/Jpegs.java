package org.petition.photo.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Drawing and JPEG encoding: RGB copies, scaling, square crops, and JPEGs written with no metadata at all. */
public final class Jpegs {

  private Jpegs() {}

  /**
   * {@code image} as opaque RGB, scaled (never up) so that its longest side is at most {@code maxSide};
   * transparency is laid on white.
   */
  public static BufferedImage fit(BufferedImage image, int maxSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
    int tw = Math.max(1, (int) Math.round(w * scale));
    int th = Math.max(1, (int) Math.round(h * scale));
    return draw(image, 0, 0, w, h, tw, th);
  }

  /** The largest centred square of {@code image}, scaled to {@code side} × {@code side}. */
  public static BufferedImage square(BufferedImage image, int side) {
    int w = image.getWidth();
    int h = image.getHeight();
    int s = Math.min(w, h);
    return draw(image, (w - s) / 2, (h - s) / 2, s, s, side, side);
  }

  private static BufferedImage draw(BufferedImage image, int x, int y, int w, int h, int tw, int th) {
    BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, tw, th);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, tw, th, x, y, x + w, y + h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * The image as a baseline JPEG at this quality. No metadata is passed to the writer, so the file holds a
   * JFIF header and the pixels: nothing of the upload's EXIF, GPS, XMP or comments.
   */
  public static byte[] encode(BufferedImage image, float quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JDK has no JPEG writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a JPEG in memory", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Decodes a JPEG this library wrote (a stored photo or thumbnail). */
  public static BufferedImage decodeStored(byte[] jpeg) {
    try {
      BufferedImage image = ImageIO.read(new javax.imageio.stream.MemoryCacheImageInputStream(
          new java.io.ByteArrayInputStream(jpeg)));
      if (image == null) {
        throw new IllegalStateException("a stored photo is not a JPEG");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("a stored photo could not be decoded", e);
    }
  }
}
