package org.petition.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.petition.Violation;

class PhotoProcessorTest {

  private final PhotoProcessor processor = PhotoProcessor.ofDefaults();

  private ProcessedPhoto accepted(byte[] upload) {
    PhotoVerdict verdict = processor.process(upload);
    assertThat(verdict).isInstanceOf(PhotoVerdict.Accepted.class);
    return ((PhotoVerdict.Accepted) verdict).photo();
  }

  private Violation refused(byte[] upload) {
    PhotoVerdict verdict = processor.process(upload);
    assertThat(verdict).isInstanceOf(PhotoVerdict.Rejected.class);
    Violation violation = ((PhotoVerdict.Rejected) verdict).violation();
    assertThat(violation.field()).isEqualTo("photo");
    return violation;
  }

  private static BufferedImage read(byte[] jpeg) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image).as("a readable image").isNotNull();
    return image;
  }

  private static List<String> directoryNames(byte[] bytes) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    List<String> names = new ArrayList<>();
    for (Directory directory : metadata.getDirectories()) {
      names.add(directory.getName());
    }
    return names;
  }

  @Test
  void aJpegAndAPngAreReEncodedAsJpegsOfTheirSize() throws Exception {
    ProcessedPhoto fromJpeg = accepted(TestImages.jpeg(640, 480));
    assertThat(fromJpeg.width()).isEqualTo(640);
    assertThat(fromJpeg.height()).isEqualTo(480);
    assertThat(read(fromJpeg.jpeg()).getWidth()).isEqualTo(640);
    assertThat(read(fromJpeg.thumbnail()).getWidth()).isEqualTo(240);
    assertThat(read(fromJpeg.thumbnail()).getHeight()).isEqualTo(240);

    ProcessedPhoto fromPng = accepted(TestImages.png(300, 500));
    assertThat(fromPng.jpeg()[0] & 0xff).isEqualTo(0xff); // a JPEG now
    assertThat(fromPng.jpeg()[1] & 0xff).isEqualTo(0xd8);
    assertThat(read(fromPng.jpeg()).getHeight()).isEqualTo(500);
  }

  @Test
  void exifGpsAndXmpAreGoneAndTheOrientationIsAppliedFirst() throws Exception {
    byte[] upload = TestImages.jpegWithExif(300, 200, 6);
    // The upload really carries them, as a camera's would.
    Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
    assertThat(before.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
        .isEqualTo(6);
    assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getString(GpsDirectory.TAG_LATITUDE_REF))
        .isEqualTo("N");
    assertThat(before.getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();
    assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(TestImages.XMP_CREATOR);

    ProcessedPhoto photo = accepted(upload);

    for (byte[] output : List.of(photo.jpeg(), photo.thumbnail())) {
      Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(output));
      assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
      assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
      assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
      assertThat(directoryNames(output)).doesNotContain("Exif IFD0", "GPS", "XMP");
      String raw = new String(output, StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain("Exif\0\0").doesNotContain("ns.adobe.com").doesNotContain(TestImages.XMP_CREATOR);
    }
    // Orientation 6: turned a quarter clockwise, so 300 × 200 stands as 200 × 300 and the left (red) half is
    // now the top.
    BufferedImage upright = read(photo.jpeg());
    assertThat(upright.getWidth()).isEqualTo(200);
    assertThat(upright.getHeight()).isEqualTo(300);
    assertThat(photo.width()).isEqualTo(200);
    assertRed(upright.getRGB(100, 40));
    assertBlue(upright.getRGB(100, 260));
  }

  @Test
  void everyOrientationStandsUpright() throws Exception {
    // Orientation 8: a quarter anticlockwise, the left (red) half becomes the bottom; 3: upside down, red right.
    BufferedImage eight = read(accepted(TestImages.jpegWithExif(300, 200, 8)).jpeg());
    assertThat(eight.getHeight()).isEqualTo(300);
    assertBlue(eight.getRGB(100, 40));
    assertRed(eight.getRGB(100, 260));
    BufferedImage three = read(accepted(TestImages.jpegWithExif(300, 200, 3)).jpeg());
    assertThat(three.getWidth()).isEqualTo(300);
    assertBlue(three.getRGB(40, 100));
    assertRed(three.getRGB(260, 100));
  }

  @Test
  void aLargePhotoIsStoredScaledDown() throws Exception {
    ProcessedPhoto photo = accepted(TestImages.jpeg(4000, 3000));
    assertThat(photo.width()).isEqualTo(1600);
    assertThat(photo.height()).isEqualTo(1200);
    assertThat(read(photo.jpeg()).getWidth()).isEqualTo(1600);
  }

  @Test
  void aPngBombIsRefusedFromItsHeaderWithoutDecoding() {
    byte[] bomb = TestImages.pngDeclaring(100_000, 100_000);
    assertThat(bomb.length).isLessThan(2000);
    long started = System.nanoTime();
    Violation violation = refused(bomb);
    assertThat(violation.code()).isEqualTo("photo.too_many_pixels");
    assertThat(violation.message()).contains("4096 × 4096").contains("100000 × 100000");
    // Decoding 10^10 pixels would take minutes and 30 GB; the header alone takes milliseconds.
    assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);

    assertThat(refused(TestImages.pngDeclaring(4097, 10)).code()).isEqualTo("photo.too_many_pixels");
    assertThat(refused(TestImages.jpegDeclaring(60_000, 60_000)).code()).isEqualTo("photo.too_many_pixels");
  }

  @Test
  void aPngWithinTheLimitsButWithoutItsPixelsIsDamaged() {
    // The header is fine (100 × 100) but the data is far too short for it.
    assertThat(refused(TestImages.pngDeclaring(100, 100)).code()).isEqualTo("photo.damaged");
  }

  @Test
  void truncatedFilesAreRefused() {
    byte[] jpeg = TestImages.noisyJpeg(400, 300, 1);
    byte[] png = TestImages.png(400, 300);
    assertThat(refused(TestImages.firstPart(jpeg, 0.5)).code()).isEqualTo("photo.damaged");
    assertThat(refused(TestImages.firstPart(png, 0.5)).code()).isIn("photo.damaged", "photo.not_image");
    assertThat(refused(TestImages.firstPart(jpeg, 0.001)).code()).isIn("photo.damaged", "photo.not_image");
    assertThat(refused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}).code()).isEqualTo("photo.not_image");
  }

  @Test
  void aTextFileOrAnotherFormatIsNotAnImage() {
    Violation text = refused("This is not a photo, just a text file.\n".getBytes(StandardCharsets.UTF_8));
    assertThat(text.code()).isEqualTo("photo.not_image");
    assertThat(text.message()).contains("JPEG or PNG");
    assertThat(refused(TestImages.write(TestImages.halves(20, 20), "gif")).code()).isEqualTo("photo.not_image");
    assertThat(refused(TestImages.write(TestImages.halves(20, 20), "bmp")).code()).isEqualTo("photo.not_image");
    assertThat(refused(new byte[0]).code()).isEqualTo("photo.empty");
  }

  @Test
  void anUploadOverFiveMegabytesIsRefusedBeforeAnythingElse() {
    byte[] big = new byte[PhotoLimits.DEFAULT_MAX_BYTES + 1];
    big[0] = (byte) 0xff;
    big[1] = (byte) 0xd8;
    big[2] = (byte) 0xff;
    Violation violation = refused(big);
    assertThat(violation.code()).isEqualTo("photo.too_large");
    assertThat(violation.message()).contains("5 MB");
  }

  @Test
  void limitsAreCheckedWithPreciseMessages() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhotoLimits.builder().maxSide(10))
        .hasMessageContaining("maxSide must be between 16 and 16384");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhotoLimits.builder().maxSide(100).storedSide(200).build())
        .hasMessageContaining("storedSide must be between 16 and maxSide (100)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhotoLimits.builder().quality(0))
        .hasMessageContaining("quality");
  }

  @Test
  void aMosaicTilesThumbnailsIntoOneJpegOfTheWidthAsked() throws Exception {
    List<byte[]> tiles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tiles.add(accepted(TestImages.png(50 + i, 60)).thumbnail());
    }
    BufferedImage mosaic = read(Mosaic.render(tiles, 600));
    assertThat(mosaic.getWidth()).isEqualTo(600);
    assertThat(mosaic.getHeight()).isEqualTo(400); // 5 tiles: 3 columns of 200, 2 rows
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mosaic.render(tiles, 99))
        .hasMessageContaining("width must be between 100 and 4000");
  }

  private static void assertRed(int rgb) {
    assertThat((rgb >> 16) & 0xff).as("red of %06x", rgb & 0xffffff).isGreaterThan(180);
    assertThat(rgb & 0xff).as("blue of %06x", rgb & 0xffffff).isLessThan(80);
  }

  private static void assertBlue(int rgb) {
    assertThat(rgb & 0xff).as("blue of %06x", rgb & 0xffffff).isGreaterThan(180);
    assertThat((rgb >> 16) & 0xff).as("red of %06x", rgb & 0xffffff).isLessThan(80);
  }
}
