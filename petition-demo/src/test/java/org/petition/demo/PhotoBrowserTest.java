package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.petition.Petitions;
import org.petition.store.PhotoInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The photo campaign in headless Chromium: a text file chosen as the photo is refused on the photo field; a
 * real JPEG is uploaded with the signing, confirmed through the dev outbox, approved by a moderator, and the
 * page then shows the mosaic, which the browser loads as an 800-pixel-wide image. The Korean page labels the
 * photo field in Korean. Skipped, with a message, without Debian's chromium and chromium-driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "petition.base-url=https://petitions.example.org")
class PhotoBrowserTest {

  private static final String SLUG = "i-stand-for-peace";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-photo-browser");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;

  private WebDriver driver;
  private ChromeDriverService service;

  static boolean browserInstalled() {
    return BrowserTest.browserInstalled();
  }

  @BeforeEach
  void startBrowser() throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(System.getProperty("browser.chromium", "/usr/bin/chromium")));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2600", "--lang=en-US");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  @Test
  @EnabledIf(value = "browserInstalled", disabledReason = "SKIPPED: the browser test needs Debian's chromium and"
      + " chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); install them with .ci/browser.sh")
  void uploadAPhotoWithASignatureAndSeeItInTheMosaicOnceApproved() throws Exception {
    String site = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    Path photo = Files.createTempFile("i-stand-for-peace", ".jpg");
    ImageIO.write(sign(640, 480), "jpeg", photo.toFile());
    Path text = Files.createTempFile("not-a-photo", ".jpg");
    Files.writeString(text, "This is a text file named like a photo.", StandardCharsets.UTF_8);

    driver.get(site + "/p/" + SLUG + "?lang=ko");
    assertThat(driver.findElement(By.cssSelector("label.field input#photo")).findElement(By.xpath(".."))
        .getText()).contains("손팻말을 든 사진");

    driver.get(site + "/p/" + SLUG + "?lang=en");
    assertThat(driver.findElement(By.id("sign-form")).getAttribute("enctype")).isEqualTo("multipart/form-data");
    assertThat(driver.findElement(By.id("mosaic")).getText()).contains("No photo has been approved yet");

    // A text file with a .jpg name: refused on the photo field, nothing signed.
    fill(wait, "Min", "Seo", "min.seo@example.org", text);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("photo-error")));
    assertThat(driver.findElement(By.id("photo-error")).getText()).isEqualTo("This is not a JPEG or PNG image.");
    assertThat(petitions.photos().held(SLUG, 10)).isEmpty();
    screenshot("photo-1-refused.png");

    // The real photo.
    driver.get(site + "/p/" + SLUG + "?lang=en");
    fill(wait, "Min", "Seo", "min.seo@example.org", photo);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed")));
    screenshot("photo-2-signed.png");
    List<PhotoInfo> held = petitions.photos().held(SLUG, 10);
    assertThat(held).singleElement().satisfies(p -> assertThat(p.width()).isEqualTo(640));

    driver.get(site + "/dev/outbox");
    String href = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.confirm-link")))
        .getAttribute("href");
    URI link = URI.create(href);
    driver.get(site + link.getRawPath() + "?" + link.getRawQuery());
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "signer number 1"));

    // The moderator approves it (the console's own test covers its pages); then the mosaic shows it.
    assertThat(petitions.photos().approve(held.get(0).id())).isTrue();
    driver.get(site + "/p/" + SLUG + "?lang=en");
    WebElement mosaic = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#mosaic img")));
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", mosaic));
    assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", mosaic))
        .intValue()).isEqualTo(800);
    assertThat(driver.findElement(By.id("mosaic")).getText()).contains("1 photo so far");
    assertThat(driver.findElement(By.id("confirmed")).getText()).isEqualTo("1");
    screenshot("photo-3-mosaic.png");
  }

  private void fill(WebDriverWait wait, String first, String last, String email, Path file) throws Exception {
    long shown = System.nanoTime();
    driver.findElement(By.id("firstName")).sendKeys(first);
    driver.findElement(By.id("lastName")).sendKeys(last);
    driver.findElement(By.id("email")).clear();
    driver.findElement(By.id("email")).sendKeys(email);
    new Select(driver.findElement(By.id("country"))).selectByValue("US");
    driver.findElement(By.id("city")).clear();
    driver.findElement(By.id("city")).sendKeys("New York");
    driver.findElement(By.id("photo")).sendKeys(file.toAbsolutePath().toString());
    for (WebElement consent : driver.findElements(By.name("consents"))) {
      if (!consent.isSelected()) {
        consent.click();
      }
    }
    // No sooner than a person could fill it (the bot check's minimum fill time).
    long remaining = TimeUnit.MILLISECONDS.toNanos(3_500) - (System.nanoTime() - shown);
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
    driver.findElement(By.id("sign-button")).click();
  }

  /** A person holding a sign, as far as pixels go: a face-coloured disc over a white board. */
  private static BufferedImage sign(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x4a, 0x7a, 0xb0));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillRect(width / 4, height / 2, width / 2, height / 3);
    g.setColor(new Color(0xe0, 0xb0, 0x90));
    g.fillOval(width / 2 - 60, height / 6, 120, 140);
    g.setColor(Color.BLACK);
    g.drawString("End the Korean War!", width / 4 + 20, height / 2 + 40);
    g.dispose();
    return image;
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
