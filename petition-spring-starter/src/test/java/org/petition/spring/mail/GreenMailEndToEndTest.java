package org.petition.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real HTTP, real SMTP, a real database outbox: sign over HTTP, the mail arrives at GreenMail, its link is
 * followed (GET shows a button and counts nothing; POST confirms), and the counter reads 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:greenmail-e2e;DB_CLOSE_DELAY=-1")
class GreenMailEndToEndTest {

  private static final int WEB_PORT = MailRoundTrip.freePort();

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    MailRoundTrip.properties(registry, WEB_PORT, GREEN_MAIL.getSmtp().getPort());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Autowired MailOutbox outbox;

  @Test
  void signOverHttpConfirmByTheLinkInTheMail() throws Exception {
    assertThat(outbox).isInstanceOf(JdbcMailOutbox.class);
    MailRoundTrip web = new MailRoundTrip(WEB_PORT);
    assertThat(web.confirmed()).isZero();

    HttpResponse<String> signed = web.sign("jong.suk@example.org");
    assertThat(signed.statusCode()).isEqualTo(202);
    assertThat(signed.body()).isEqualTo("{\"status\":\"PENDING\"}");

    assertThat(GREEN_MAIL.waitForIncomingEmail(15_000, 1)).as("the confirmation mail arrives").isTrue();
    MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo("jong.suk@example.org");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("petitions@example.org");
    assertThat(mail.getSubject()).isNotBlank();
    String link = MailRoundTrip.confirmLink(mail);
    assertThat(link).startsWith("http://localhost:" + WEB_PORT + "/confirm?token=");

    // A mail scanner prefetching the link changes nothing.
    HttpResponse<String> page = web.get(link);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<button type=\"submit\">").contains(MailRoundTrip.token(link));
    web.get(link);
    assertThat(web.confirmed()).isZero();

    HttpResponse<String> thanks = web.postForm("/confirm", "token", MailRoundTrip.token(link));
    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains("you are signer number 1");
    assertThat(web.confirmed()).isEqualTo(1);
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 0, null));
  }
}
