package org.petition.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.petition.photo.internal.Jpegs;

/**
 * Draws square thumbnails as one JPEG, a grid as square as the count allows, filled row by row (for press
 * events: "compile it into a mosaic"). Rendered with the JDK's {@code java.awt}, headless.
 */
public final class Mosaic {

  /** The narrowest mosaic drawn, in pixels. */
  public static final int MIN_WIDTH = 100;
  /** The widest mosaic drawn, in pixels. */
  public static final int MAX_WIDTH = 4000;
  /** The most tiles drawn (the newest approved photos beyond it are left out). */
  public static final int MAX_TILES = 1600;

  private static final Color GAP = new Color(0x22, 0x22, 0x22);

  private Mosaic() {}

  /**
   * The thumbnails (JPEGs, as {@link ProcessedPhoto#thumbnail()}) drawn as a grid {@code width} pixels wide.
   *
   * @throws IllegalArgumentException when {@code width} is outside {@link #MIN_WIDTH}..{@link #MAX_WIDTH}, or
   *     there are no thumbnails or more than {@link #MAX_TILES}
   */
  public static byte[] render(List<byte[]> thumbnails, int width) {
    Objects.requireNonNull(thumbnails, "thumbnails must not be null");
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new IllegalArgumentException("width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + ", was " + width);
    }
    if (thumbnails.isEmpty() || thumbnails.size() > MAX_TILES) {
      throw new IllegalArgumentException("a mosaic has 1 to " + MAX_TILES + " tiles, was " + thumbnails.size());
    }
    int n = thumbnails.size();
    int columns = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + columns - 1) / columns;
    int tile = Math.max(1, width / columns);
    BufferedImage canvas = new BufferedImage(width, Math.max(1, rows * tile), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(GAP);
      g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int left = (width - columns * tile) / 2;
      for (int i = 0; i < n; i++) {
        BufferedImage thumbnail = Jpegs.decodeStored(thumbnails.get(i));
        g.drawImage(thumbnail, left + (i % columns) * tile, (i / columns) * tile, tile, tile, null);
      }
    } finally {
      g.dispose();
    }
    return Jpegs.encode(canvas, 0.85f);
  }
}
