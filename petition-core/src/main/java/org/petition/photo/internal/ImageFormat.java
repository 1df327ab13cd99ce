package org.petition.photo.internal;

import java.util.Optional;

/** The two formats taken, told by their magic numbers (never by a file name or a declared content type). */
public enum ImageFormat {
  JPEG("jpeg"),
  PNG("png");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The ImageIO format name of its reader. */
  public String imageIoName() {
    return imageIoName;
  }

  /** The format these bytes start as, if one of the two. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (bytes.length >= PNG_SIGNATURE.length) {
      for (int i = 0; i < PNG_SIGNATURE.length; i++) {
        if (bytes[i] != PNG_SIGNATURE[i]) {
          return Optional.empty();
        }
      }
      return Optional.of(PNG);
    }
    return Optional.empty();
  }
}
