package org.petition.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Real images made in the test: JPEGs and PNGs written by ImageIO, a JPEG carrying a genuine EXIF segment
 * (orientation, GPS position) and an XMP packet, a PNG whose header declares a huge image, cut files.
 */
public final class TestImages {

  private TestImages() {}

  /** A {@code width} × {@code height} picture: the left half red, the right half blue. */
  public static BufferedImage halves(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  public static byte[] jpeg(int width, int height) {
    return write(halves(width, height), "jpeg");
  }

  public static byte[] png(int width, int height) {
    return write(halves(width, height), "png");
  }

  /** A photo-like JPEG of noise (poorly compressible), for size limits. */
  public static byte[] noisyJpeg(int width, int height, long seed) {
    java.util.Random random = new java.util.Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return write(image, "jpeg");
  }

  public static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static final String XMP_CREATOR = "Secret Photographer";

  /**
   * A JPEG of {@link #halves} with an APP1 EXIF segment (IFD0: Orientation; a GPS IFD: latitude N 37° 33′)
   * and an APP1 XMP packet naming a creator, inserted after the JFIF header.
   */
  public static byte[] jpegWithExif(int width, int height, int orientation) {
    byte[] plain = jpeg(width, height);
    ByteBuffer tiff = ByteBuffer.allocate(92); // big-endian, as "MM" says
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    // IFD0 at 8: two entries, then no next IFD.
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);
    // GPS IFD at 38: latitude reference and latitude (three rationals at 68).
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
    tiff.putInt(0);
    tiff.putInt(37).putInt(1).putInt(33).putInt(1).putInt(0).putInt(1);
    byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
    byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
        ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq>"
            + "<rdf:li>" + XMP_CREATOR + "</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
            .getBytes(StandardCharsets.UTF_8));
    int afterApp0 = 2 + 2 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff)); // SOI, then APP0 (JFIF)
    return concat(Arrays.copyOfRange(plain, 0, afterApp0), segment(0xE1, exif), segment(0xE1, xmp),
        Arrays.copyOfRange(plain, afterApp0, plain.length));
  }

  /** A PNG whose IHDR declares {@code width} × {@code height}, with a few bytes of image data: a bomb's header. */
  public static byte[] pngDeclaring(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[256]); // a few rows at most: whatever the header declares, the data is short
    deflater.finish();
    byte[] buffer = new byte[1024];
    int length = deflater.deflate(buffer);
    return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, chunk("IHDR", ihdr.array()),
        chunk("IDAT", Arrays.copyOf(buffer, length)), chunk("IEND", new byte[0]));
  }

  /** A real JPEG whose SOF0 frame header is patched to declare {@code width} × {@code height}. */
  public static byte[] jpegDeclaring(int width, int height) {
    byte[] bytes = jpeg(64, 48);
    for (int i = 2; i + 9 < bytes.length; i++) {
      if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xc0) {
        bytes[i + 5] = (byte) (height >> 8);
        bytes[i + 6] = (byte) height;
        bytes[i + 7] = (byte) (width >> 8);
        bytes[i + 8] = (byte) width;
        return bytes;
      }
    }
    throw new IllegalStateException("no SOF0 marker");
  }

  public static byte[] firstPart(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }

  private static byte[] segment(int marker, byte[] payload) {
    ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
    segment.put((byte) 0xff).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
    return segment.array();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
        .putInt((int) crc.getValue()).array();
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
