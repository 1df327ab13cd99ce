package org.petition.photo.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an upload in two steps: the dimensions from the header alone ({@link ImageReader#getWidth} before
 * any {@code read}), so a decompression bomb is refused before a pixel is decoded; then the pixels, subsampled
 * while reading so that memory stays near the stored size whatever the upload's, every warning of the reader
 * (a JPEG cut short is "decoded" with grey fill and a warning) taken as damage.
 */
public final class UploadDecoder {

  /** What the header says. */
  public record Header(int width, int height) {}

  /** Why an upload is not a usable image. */
  public static final class DamagedImage extends Exception {
    private static final long serialVersionUID = 1L;

    DamagedImage(String message) {
      super(message, null, false, false);
    }
  }

  private final ImageFormat format;
  private final byte[] bytes;

  public UploadDecoder(ImageFormat format, byte[] bytes) {
    this.format = format;
    this.bytes = bytes;
  }

  /** Reads the dimensions from the header; nothing is decoded. */
  public Header header() throws DamagedImage {
    ImageReader reader = reader();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return new Header(reader.getWidth(0), reader.getHeight(0));
    } catch (IOException | RuntimeException e) {
      throw new DamagedImage("its header could not be read");
    } finally {
      reader.dispose();
    }
  }

  /**
   * Decodes every pixel row (so a truncated or damaged file is found), keeping one pixel in {@code subsampling}
   * each way.
   */
  public BufferedImage decode(int subsampling) throws DamagedImage {
    ImageReader reader = reader();
    AtomicReference<@Nullable String> warning = new AtomicReference<>();
    reader.addIIOReadWarningListener(new IIOReadWarningListener() {
      @Override
      public void warningOccurred(ImageReader source, String message) {
        warning.compareAndSet(null, message);
      }
    });
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      if (subsampling > 1) {
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      if (warning.get() != null) {
        throw new DamagedImage("it is truncated or damaged");
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw new DamagedImage("it is truncated or damaged");
    } finally {
      reader.dispose();
    }
  }

  private ImageReader reader() throws DamagedImage {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new DamagedImage("this JVM cannot read " + format);
    }
    return readers.next();
  }
}
