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
 * Invite friends in headless Chromium: a signer confirms (in Korean), finds the invitation form on the thank-you
 * page and sends two invitations; the invitation in the dev outbox names the signer by display name only and links
 * to the petition with {@code via=invite}; the friend follows it, signs and confirms, and the petition's
 * aggregate counts one signature from invitations; the other friend follows "never email me again", sees one
 * button, presses it, and is told no invitation will come again. Skipped where Chromium is not installed, as
 * {@link BrowserTest} is.
 */
// Two people sign from one browser on one address within a minute: the per-IP signing limits are raised for it.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.base-url=https://petitions.example.org",
    "petition.checks.rate-limit.ip-burst.count=5",
    "petition.checks.rate-limit.ip-sustained.count=10"})
class InviteBrowserTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-invite-browser");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Value("${petition.base-url}") String baseUrl;

  private WebDriver driver;
  private ChromeDriverService service;
  private WebDriverWait wait;
  private String site;

  static boolean browserInstalled() {
    return BrowserTest.browserInstalled();
  }

  @BeforeEach
  void startBrowser() throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2200", "--lang=en-US");
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    site = "http://localhost:" + port;
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
  void aSignerInvitesFriendsOneSignsAndTheOtherAsksNeverToBeMailedAgain() throws Exception {
    sign("/", "Jong", "Suks", "jong.suks@example.org");
    // The signer reads the site in Korean from here on (the language is remembered in a cookie).
    driver.get(site + "/?lang=ko");
    openLink(mailTo("jong.suks@example.org").findElement(By.cssSelector("a.confirm-link")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();

    WebElement invite = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-form")));
    assertThat(driver.findElement(By.cssSelector("#invite h2")).getText()).isEqualTo("친구 초대하기");
    assertThat(driver.findElement(By.id("invite-button")).getText()).isEqualTo("초대 메일 보내기");
    screenshot("invite-1-thanks-ko.png");
    invite.findElement(By.id("invite-emails")).sendKeys("mina.park@example.com\nquiet.friend@example.com");
    driver.findElement(By.id("invite-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "보낸 초대: 2건"));
    screenshot("invite-2-sent.png");

    // The invitation names the signer by display name, never by address, and links to the petition.
    WebElement mail = mailTo("mina.park@example.com");
    assertThat(mail.getAttribute("data-kind")).isEqualTo("INVITATION");
    String body = mail.findElement(By.cssSelector("pre.body")).getText();
    assertThat(body).contains("Jong S.").doesNotContain("jong.suks@example.org").doesNotContain("Suks");
    String signLink = mail.findElement(By.cssSelector("a.confirm-link")).getAttribute("href");
    assertThat(signLink).isEqualTo(baseUrl + "/p/us-troops-out-of-korea?via=invite");

    // The friend follows the link, in English, signs and confirms: one signature from invitations.
    driver.get(site + "/?lang=en");
    sign(URI.create(signLink).getRawPath() + "?via=invite", "Mina", "Park", "mina.park@example.com");
    openLink(mailTo("mina.park@example.com").findElement(By.cssSelector("a.confirm-link")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "signer number 2"));
    assertThat(driver.findElement(By.id("invite-form")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.cssSelector("#invite h2")).getText()).isEqualTo("Invite friends");
    driver.get(site + "/api/petitions/us-troops-out-of-korea/invitations");
    assertThat(driver.findElement(By.tagName("body")).getText()).isEqualTo("{\"sent\":2,\"signatures\":1}");

    // The other friend: "never email me again" shows one button, and only the button acts.
    openLink(mailTo("quiet.friend@example.com").findElement(By.cssSelector("a.revoke-link")));
    List<WebElement> buttons = driver.findElements(By.cssSelector("button[type=submit]"));
    assertThat(buttons).hasSize(1);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Never email me again");
    screenshot("invite-3-unsubscribe.png");
    buttons.get(0).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
        "will not send an invitation to your address again"));
    screenshot("invite-4-unsubscribed.png");
  }

  /** Fills the sign form at {@code path} as a person would, no sooner than a person could, and sends it. */
  private void sign(String path, String first, String last, String email) throws Exception {
    driver.get(site + path);
    long shown = System.nanoTime();
    driver.findElement(By.id("firstName")).sendKeys(first);
    driver.findElement(By.id("lastName")).sendKeys(last);
    driver.findElement(By.id("nickname")).clear();
    driver.findElement(By.id("email")).sendKeys(email);
    new Select(driver.findElement(By.id("country"))).selectByValue("KR");
    driver.findElement(By.id("city")).sendKeys("Seoul");
    driver.findElements(By.name("consents")).forEach(WebElement::click);
    long remaining = TimeUnit.MILLISECONDS.toNanos(3_500) - (System.nanoTime() - shown);
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
    driver.findElement(By.id("sign-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed")));
  }

  /** The latest mail to {@code address} in the dev outbox. */
  private WebElement mailTo(String address) {
    driver.get(site + "/dev/outbox");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.mail")));
    return driver.findElements(By.cssSelector("article.mail")).stream()
        .filter(mail -> mail.findElement(By.cssSelector(".recipient")).getText().equals(address))
        .findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
  }

  /** A mail's link names the configured base URL; a random port needs its path on this server. */
  private void openLink(WebElement link) {
    String href = link.getAttribute("href");
    assertThat(href).startsWith(baseUrl + "/");
    URI uri = URI.create(href);
    driver.get(site + uri.getRawPath() + "?" + uri.getRawQuery());
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
