package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.petition.ConfirmResult;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.SignatureRequest;
import org.petition.mail.InMemoryOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20 in headless Chromium: the letter box's live count (code points, over the limit marked) in English
 * and Korean, and "signers also signed" appearing on the petition page once five signers share a petition.
 * Skipped where Chromium is not installed, as {@link BrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "petition.base-url=https://petitions.example.org",
    // The five co-signers below are signed in-process, without a rendered form.
    "petition.form-token.required=false",
    "petition.checks.bot-signals.enabled=false"
})
class LetterAndRelatedBrowserTest {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
  private static final String SEED = "us-troops-out-of-korea";
  private static final String PEACE = "korea-peace-treaty";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-letters");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired Petitions petitions;
  @Autowired InMemoryOutbox outbox;

  private WebDriver driver;
  private ChromeDriverService service;

  static boolean browserInstalled() {
    return BrowserTest.browserInstalled();
  }

  @BeforeEach
  void startBrowser() throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium")).toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2200", "--lang=en-US");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver")).toFile())
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
  @EnabledIf(value = "browserInstalled", disabledReason = "SKIPPED: needs /usr/bin/chromium and /usr/bin/chromedriver")
  void theLetterBoxCountsAsYouTypeInEnglishAndKorean() {
    String site = "http://localhost:" + port;
    driver.get(site + "/p/" + SEED + "?lang=en");
    WebElement letter = driver.findElement(By.id("letter"));
    WebElement count = driver.findElement(By.id("letter-count"));
    assertThat(count.getText()).isEqualTo("0 / 2,500 characters");
    letter.sendKeys("Dear Sir");
    assertThat(count.getText()).isEqualTo("8 / 2,500 characters");
    set(letter, "🕊🕊 평화"); // an emoji and a Hangul syllable are one character each, as the server counts
    assertThat(count.getText()).isEqualTo("5 / 2,500 characters");
    assertThat(count.getAttribute("class")).doesNotContain("over");
    set(letter, "a".repeat(2501));
    assertThat(count.getText()).isEqualTo("2,501 / 2,500 characters");
    assertThat(count.getAttribute("class")).contains("over");
    assertThat(letter.getAttribute("aria-invalid")).isEqualTo("true");

    driver.get(site + "/p/" + SEED + "?lang=ko");
    WebElement korean = driver.findElement(By.id("letter"));
    assertThat(driver.findElement(By.id("letter-count")).getText()).isEqualTo("2,500자 중 0자");
    korean.sendKeys("미군 철수");
    assertThat(driver.findElement(By.id("letter-count")).getText()).isEqualTo("2,500자 중 5자");

    // The petition without letters has no letter box and loads no script for it.
    driver.get(site + "/p/" + PEACE + "?lang=en");
    assertThat(driver.findElements(By.id("letter"))).isEmpty();
  }

  @Test
  @EnabledIf(value = "browserInstalled", disabledReason = "SKIPPED: needs /usr/bin/chromium and /usr/bin/chromedriver")
  void signersAlsoSignedAppearsOnceFiveSignersShareAPetition() {
    String site = "http://localhost:" + port;
    for (int i = 0; i < 4; i++) {
      signAndConfirm(SEED, i);
      signAndConfirm(PEACE, i);
    }
    driver.get(site + "/p/" + SEED + "?lang=en");
    assertThat(driver.findElements(By.id("related"))).isEmpty(); // four shared signers: nothing shown
    signAndConfirm(SEED, 4);
    signAndConfirm(PEACE, 4);

    driver.get(site + "/p/" + SEED + "?lang=en");
    WebElement related = driver.findElement(By.id("related"));
    assertThat(related.findElement(By.tagName("h2")).getText()).isEqualTo("Signers also signed");
    List<WebElement> links = related.findElements(By.tagName("a"));
    assertThat(links).hasSize(1);
    assertThat(links.get(0).getText()).isEqualTo("Replace the Korean War Armistice with a Peace Treaty");
    links.get(0).click();
    assertThat(driver.getCurrentUrl()).endsWith("/p/" + PEACE);
    assertThat(driver.findElement(By.cssSelector("#related a")).getText())
        .isEqualTo("60th Anniversary of U.S. Occupation of South Korea");
    driver.get(site + "/p/" + PEACE + "?lang=ko");
    assertThat(driver.findElement(By.cssSelector("#related h2")).getText()).isEqualTo("이 청원의 서명자들이 함께 서명한 청원");
  }

  private void set(WebElement box, String text) {
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", box, text);
  }

  private void signAndConfirm(String slug, int i) {
    String email = "cosigner" + i + "@example.org";
    SignResult signed = petitions.sign(SignatureRequest.builder(slug).person("Signer", "Number" + (char) ('a' + i))
        .email(email).country("KR").consent("terms", "privacy", "processing").ip("198.51." + (10 * i + slug.length())
        + ".9").build());
    assertThat(signed).isInstanceOf(SignResult.Pending.class);
    Matcher token = TOKEN.matcher(outbox.latestTo(email).orElseThrow().actionUrl());
    assertThat(token.find()).isTrue();
    assertThat(petitions.confirm(token.group(1))).isInstanceOf(ConfirmResult.Confirmed.class);
  }
}
