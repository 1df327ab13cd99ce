package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.petition.spring.health.PetitionHealthIndicator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mail server is down while people sign: signing answers at once, and the mail goes out once it is up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "petition.mail.poll-interval=200ms",
    "petition.mail.retry.initial-backoff=200ms",
    "petition.mail.retry.max-backoff=1s",
    "petition.mail.max-delay=100ms"
})
class SmtpOutageTest {

  private static final int WEB_PORT = MailRoundTrip.freePort();
  private static final int SMTP_PORT = MailRoundTrip.freePort();
  private static GreenMail greenMail;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    MailRoundTrip.properties(registry, WEB_PORT, SMTP_PORT);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Autowired MailOutbox outbox;
  @Autowired PetitionHealthIndicator health;

  @AfterAll
  static void stopMailServer() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void signingDoesNotWaitForADownMailServerAndTheMailIsDeliveredOnceItIsUp() throws Exception {
    MailRoundTrip web = new MailRoundTrip(WEB_PORT);

    long start = System.nanoTime();
    HttpResponse<String> signed = web.sign("patient@example.org");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(signed.statusCode()).isEqualTo(202);
    assertThat(took).isLessThan(Duration.ofSeconds(2));

    // Several attempts fail while the server is down; the message stays queued.
    Thread.sleep(1_000);
    assertThat(outbox.backlog().waiting()).isEqualTo(1);
    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);

    greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();

    assertThat(greenMail.waitForIncomingEmail(15_000, 1)).as("delivered after the server came up").isTrue();
    String link = MailRoundTrip.confirmLink(greenMail.getReceivedMessages()[0]);
    assertThat(web.postForm("/confirm", "token", MailRoundTrip.token(link)).body()).contains("signer number 1");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (outbox.backlog().waiting() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(outbox.backlog().waiting()).isZero();
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
  }
}
