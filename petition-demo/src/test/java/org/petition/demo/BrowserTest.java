package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person in headless Chromium: opens the petition, fills and submits the sign form, opens the dev
 * outbox, follows the confirm link, presses confirm, and sees the counter go from 0 to 1. Skipped, with a
 * message, where Debian's chromium and chromium-driver are not installed ({@code .ci/browser.sh}).
 */
// The port is random, so the base URL cannot name it; the mail's link is followed by its path on this server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "petition.base-url=https://petitions.example.org")
class BrowserTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-browser");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Value("${petition.base-url}") String baseUrl;

  private WebDriver driver;
  private ChromeDriverService service;

  /** Whether Debian's chromium and chromium-driver are installed; without them the test is skipped. */
  static boolean browserInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      System.err.println("BrowserTest SKIPPED: no " + CHROMIUM + " or " + CHROMEDRIVER
          + "; install Debian's chromium and chromium-driver with .ci/browser.sh");
    }
    return installed;
  }

  @BeforeEach
  void startBrowser() throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2200", "--lang=en-US");
    // The driver is named outright, so Selenium Manager never tries to download one.
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
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
  void signConfirmAndSeeTheCounterGoFromZeroToOne() throws Exception {
    String site = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

    driver.get(site + "/");
    long shown = System.nanoTime();
    assertThat(driver.getTitle()).isEqualTo("60th Anniversary of U.S. Occupation of South Korea");
    assertThat(driver.findElement(By.id("confirmed")).getText()).isEqualTo("0");
    List<WebElement> consents = driver.findElements(By.name("consents"));
    assertThat(consents).hasSize(3).noneMatch(WebElement::isSelected);

    driver.findElement(By.id("firstName")).sendKeys("Jong");
    driver.findElement(By.id("lastName")).sendKeys("Suks");
    driver.findElement(By.id("nickname")).clear();
    driver.findElement(By.id("email")).sendKeys("jong.suks@example.org");
    new Select(driver.findElement(By.id("country"))).selectByValue("KR");
    driver.findElement(By.id("city")).sendKeys("Seoul");
    driver.findElement(By.id("comment")).sendKeys("I support this petition");
    consents.forEach(WebElement::click);
    screenshot("browser-1-form.png");
    // A person takes longer than the bot check's minimum fill time (3 s) to fill the form; a test browser on a
    // fast machine does not, and its signature would be held as too fast. Send it no sooner than a person could.
    long remaining = TimeUnit.MILLISECONDS.toNanos(3_500) - (System.nanoTime() - shown);
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
    driver.findElement(By.id("sign-button")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed")));
    assertThat(driver.findElement(By.id("confirmed")).getText()).isEqualTo("0");

    driver.get(site + "/dev/outbox");
    WebElement confirmLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.confirm-link")));
    String href = confirmLink.getAttribute("href");
    assertThat(href).startsWith(baseUrl + "/confirm?token=");
    assertThat(driver.findElement(By.cssSelector(".recipient")).getText()).isEqualTo("jong.suks@example.org");
    screenshot("browser-2-outbox.png");

    // The mail's link names the configured base URL; a random port needs its path on this server.
    URI link = URI.create(href);
    driver.get(site + link.getRawPath() + "?" + link.getRawQuery());
    WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]")));
    screenshot("browser-3-confirm.png");
    confirm.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "signer number 1"));
    screenshot("browser-4-thanks.png");

    driver.get(site + "/");
    assertThat(driver.findElement(By.id("confirmed")).getText()).isEqualTo("1");
    assertThat(driver.findElement(By.cssSelector(".signatures .name")).getText()).isEqualTo("Jong S.");
    assertThat(driver.findElement(By.cssSelector(".signatures .number")).getText()).isEqualTo("1.");
    screenshot("browser-5-counted.png");
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
