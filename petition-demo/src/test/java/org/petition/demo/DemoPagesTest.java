package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.store.SignatureStore;
import org.petition.store.jdbc.JdbcSignatureStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The demo's pages without a browser: defaults, the sign form with CSRF, escaping, errors, Korean. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoPagesTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-pages");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @Autowired MockMvc mvc;
  @Autowired Petitions petitions;
  @Autowired InMemoryOutbox outbox;
  @Autowired SignatureStore store;

  @Test
  void theDefaultsAreAFileDatabaseTheDevOutboxAndTheSeedPetition() throws Exception {
    assertThat(store).isInstanceOf(JdbcSignatureStore.class);
    Petition petition = petitions.petition(SLUG).orElseThrow();
    assertThat(petition.title()).isEqualTo("60th Anniversary of U.S. Occupation of South Korea");
    assertThat(petition.target()).isEqualTo("U.S. Government");
    assertThat(petition.goal()).isEqualTo(1000);
    assertThat(petition.goalsByCountry()).containsEntry("US", 200L).containsEntry("KR", 1000L);
    assertThat(petition.consents()).extracting(c -> c.id()).containsExactly("terms", "privacy", "processing");

    String page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());
    assertThat(page).contains("60th Anniversary of U.S. Occupation of South Korea")
        .contains("U.S. Government")
        .contains("Privacy in the search engines? You can use a nickname")
        .contains("I confirm registration and I agree to Usage and Limitations of Services")
        .contains("name=\"website\"")
        .contains("/css/site.css")
        .doesNotContain("checked=\"checked\" name=\"consents\"")
        .doesNotContain("https://").doesNotContain("//cdn");
    assertThat(page.replaceAll("\\s+", " ")).containsPattern("<input type=\"checkbox\" name=\"consents\" value=\"terms\" id=\"consent-terms\">");
    mvc.perform(get("/css/site.css")).andExpect(status().isOk());
    mvc.perform(get("/p/" + SLUG)).andExpect(status().isOk());
    mvc.perform(get("/p/unknown")).andExpect(status().isNotFound());
  }

  @Test
  void signingThroughTheFormNeedsTheSessionsCsrfToken() throws Exception {
    outbox.clear();
    mvc.perform(post("/p/" + SLUG + "/sign").param("firstName", "No").param("lastName", "Token")
            .param("email", "csrf@example.org").param("country", "US")
            .param("consents", "terms", "privacy", "processing"))
        .andExpect(status().isForbidden());
    MockHttpSession session = new MockHttpSession();
    mvc.perform(get("/").session(session));
    mvc.perform(post("/p/" + SLUG + "/sign").session(session).param("_csrf", "forged")
            .param("firstName", "No").param("email", "csrf@example.org").param("country", "US")
            .param("consents", "terms", "privacy", "processing"))
        .andExpect(status().isForbidden());
    assertThat(outbox.messagesTo("csrf@example.org")).isEmpty();
  }

  @Test
  void aSignatureFromTheFormIsConfirmedAndShownEscaped() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult shown = mvc.perform(get("/").session(session)).andReturn();
    String csrf = csrf(shown);
    String formToken = formToken(shown);
    long before = petitions.tally(SLUG).orElseThrow().confirmed();

    mvc.perform(post("/p/" + SLUG + "/sign").session(session).param("_csrf", csrf)
            .param("kind", "PERSON").param("firstName", "<script>alert(1)</script>").param("lastName", "Kim")
            .param("email", "script@example.org").param("country", "KR").param("city", "Seoul")
            .param("comment", "<b>peace</b>").param("consents", "terms", "privacy", "processing")
            .param("formToken", formToken))
        .andExpect(status().is3xxRedirection());
    String outboxPage = html(mvc.perform(get("/dev/outbox")).andExpect(status().isOk()).andReturn());
    Matcher link = Pattern.compile("href=\"http://localhost:\\d+/confirm\\?token=([A-Za-z0-9_-]+)\"").matcher(outboxPage);
    assertThat(link.find()).isTrue();
    String confirmPage = html(mvc.perform(get("/confirm").param("token", link.group(1)))
        .andExpect(status().isOk()).andReturn());
    assertThat(confirmPage).contains("/css/site.css").contains("<button type=\"submit\" class=\"primary\">")
        .contains("value=\"" + link.group(1) + "\"");
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before);
    String thanks = html(mvc.perform(post("/confirm").param("token", link.group(1))).andExpect(status().isOk())
        .andReturn());
    assertThat(thanks).contains("you are signer number").contains("Your receipt")
        .contains("{&quot;petition&quot;:&quot;" + SLUG + "&quot;,&quot;seq&quot;:")
        .contains("&quot;type&quot;:&quot;COUNTED&quot;").contains("href=\"/verify.html\"")
        .doesNotContain("script@example.org");
    assertThat(html(mvc.perform(get("/verify.html")).andExpect(status().isOk()).andReturn()))
        .contains("org.petition.log.Verify");

    String page = html(mvc.perform(get("/")).andReturn());
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before + 1);
    assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; K.")
        .doesNotContain("<b>peace</b>").contains("&lt;b&gt;peace&lt;/b&gt;")
        .doesNotContain("script@example.org");
  }

  @Test
  void aRejectedFormShowsLocalizedErrorsAndKeepsWhatWasTyped() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String csrf = csrf(mvc.perform(get("/?lang=ko").session(session)).andReturn());
    String page = html(mvc.perform(post("/p/" + SLUG + "/sign").session(session).param("_csrf", csrf).param("lang", "ko")
            .param("firstName", "Minsu").param("email", "not-an-email").param("country", "KR")
            .param("consents", "terms"))
        .andExpect(status().isUnprocessableContent()).andReturn());
    assertThat(page).contains("올바른 이메일 주소를 입력해 주세요.")
        .contains("서명하려면 아래 약관에 동의해 주세요.")
        .contains("value=\"Minsu\"")
        .contains("lang=\"ko\"");
  }

  @Test
  void aLetterOverTheLimitIsRefusedWithTheLimitAndKeptInTheBox() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String csrf = csrf(mvc.perform(get("/?lang=en").session(session)).andReturn());
    String letter = "가".repeat(2501);
    String page = html(mvc.perform(post("/p/" + SLUG + "/sign").session(session).param("_csrf", csrf)
            .param("firstName", "Minsu").param("email", "minsu@example.org").param("country", "KR")
            .param("consents", "terms", "privacy", "processing").param("letter", letter))
        .andExpect(status().isUnprocessableContent()).andReturn());
    assertThat(page).contains("Your letter is too long: at most 2,500 characters.").contains(letter)
        .contains("2,501 / 2,500 characters");
  }

  @Test
  void thePetitionPageOffersToSendTheLinkAgainInEnglishAndKorean() throws Exception {
    String page = html(mvc.perform(get("/p/" + SLUG)).andExpect(status().isOk()).andReturn());
    assertThat(page).contains("Didn&#39;t get the mail?").contains("Send the link again")
        .contains("action=\"/p/" + SLUG + "/resend\"").contains("id=\"resend-email\"");
    assertThat(html(mvc.perform(get("/p/" + SLUG).param("lang", "ko")).andReturn()))
        .contains("메일을 받지 못하셨나요?").contains("링크 다시 보내기");
  }

  @Test
  void aSignerAsksForTheLinkAgainAndGetsItWhileAnyoneElseGetsTheSameNoticeAndNoMail() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult shown = mvc.perform(get("/").session(session)).andReturn();
    String csrf = csrf(shown);
    String formToken = formToken(shown);
    mvc.perform(post("/p/" + SLUG + "/sign").session(session).param("_csrf", csrf)
            .param("kind", "PERSON").param("firstName", "Lost").param("lastName", "Mail")
            .param("email", "lost-mail@example.org").param("country", "KR")
            .param("consents", "terms", "privacy", "processing")
            .param("formToken", formToken)
            .with(r -> { r.setRemoteAddr("198.51.100.7"); return r; }))
        .andExpect(status().is3xxRedirection());
    assertThat(html(mvc.perform(get("/p/" + SLUG).session(session)).andReturn())).contains("Thank you!")
        .doesNotContain("its link is on its way");
    assertThat(outbox.messagesTo("lost-mail@example.org")).hasSize(1);

    mvc.perform(post("/p/" + SLUG + "/resend").session(session).param("email", "lost-mail@example.org"))
        .andExpect(status().isForbidden());
    for (String email : List.of("lost-mail@example.org", "never-signed@example.org")) {
      MvcResult sent = mvc.perform(post("/p/" + SLUG + "/resend").session(session).param("_csrf", csrf)
              .param("email", email))
          .andExpect(status().is3xxRedirection()).andReturn();
      assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/p/" + SLUG + "#resend");
      assertThat(html(mvc.perform(get("/p/" + SLUG).session(session).flashAttrs(sent.getFlashMap())).andReturn()))
          .contains("its link is on its way").contains("<details open");
    }
    assertThat(outbox.messagesTo("never-signed@example.org")).isEmpty();
    assertThat(outbox.messagesTo("lost-mail@example.org")).hasSize(2);
    String link = outbox.latestTo("lost-mail@example.org").orElseThrow().actionUrl();
    Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
    assertThat(token.find()).isTrue();
    assertThat(html(mvc.perform(post("/confirm").param("token", token.group(1))).andReturn()))
        .contains("you are signer number");

    String refused = html(mvc.perform(post("/p/" + SLUG + "/resend").session(session).param("_csrf", csrf)
            .param("lang", "ko").param("email", "not-an-email"))
        .andExpect(status().isUnprocessableContent()).andReturn());
    assertThat(refused).contains("올바른 이메일 주소를 입력해 주세요.").contains("value=\"not-an-email\"");
  }

  @Test
  void koreanFromAcceptLanguageAndEnglishByDefault() throws Exception {
    assertThat(html(mvc.perform(get("/").header("Accept-Language", "ko-KR,ko;q=0.9")).andReturn()))
        .contains("청원에 서명하기").contains("검색 엔진");
    assertThat(html(mvc.perform(get("/")).andReturn())).contains("Sign the petition");
  }

  @Test
  void listingPagesAndNoindex() throws Exception {
    petitions.register(Petition.builder("quiet-one").title("Quiet one").noindex(true).build());
    assertThat(html(mvc.perform(get("/p/quiet-one")).andReturn())).contains("<meta name=\"robots\" content=\"noindex\">");
    assertThat(html(mvc.perform(get("/p/quiet-one/signatures")).andExpect(status().isOk()).andReturn()))
        .contains("<meta name=\"robots\" content=\"noindex\">");
    assertThat(html(mvc.perform(get("/p/" + SLUG + "/signatures")).andExpect(status().isOk()).andReturn()))
        .doesNotContain("name=\"robots\"");
    mvc.perform(get("/p/" + SLUG + "/organizations")).andExpect(status().isOk());
    mvc.perform(get("/p/" + SLUG + "/signatures").param("cursor", "garbage!")).andExpect(status().isBadRequest());
  }

  @Test
  void aReturningSignerRegistersVerifiesLogsInSignsCountedAtOnceAndLogsOut() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String csrf = csrf(mvc.perform(get("/account").session(session)).andExpect(status().isOk()).andReturn());
    String weak = html(mvc.perform(post("/account/register").session(session).param("_csrf", csrf)
        .param("email", "returning@example.org").param("password", "short"))
        .andExpect(status().isUnprocessableContent()).andReturn());
    assertThat(weak).contains("at least 8 characters");
    mvc.perform(post("/account/register").param("email", "returning@example.org")
        .param("password", "correct horse battery")).andExpect(status().isForbidden()); // no CSRF token
    mvc.perform(post("/account/register").session(session).param("_csrf", csrf)
        .param("email", "returning@example.org").param("password", "correct horse battery"))
        .andExpect(status().is3xxRedirection());
    String verify = outbox.latestTo("returning@example.org").flatMap(m -> m.actionToken()).orElseThrow();
    String verifyPage = html(mvc.perform(get("/account/verify").param("token", verify)).andExpect(status().isOk())
        .andReturn());
    assertThat(verifyPage).contains("/css/site.css").contains("<button");
    mvc.perform(post("/account/verify").param("token", verify)).andExpect(status().isOk());

    mvc.perform(post("/account/login").session(session).param("_csrf", csrf)
        .param("email", "returning@example.org").param("password", "wrong password"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/account/login").session(session).param("_csrf", csrf)
        .param("email", "returning@example.org").param("password", "correct horse battery"))
        .andExpect(status().is3xxRedirection());
    String page = html(mvc.perform(get("/").session(session)).andReturn());
    assertThat(page).contains("Signed in as returning@example.org");
    long before = petitions.tally(SLUG).orElseThrow().confirmed();
    MvcResult shown = mvc.perform(get("/").session(session)).andReturn();
    mvc.perform(post("/p/" + SLUG + "/sign").session(session).param("_csrf", csrf(shown))
            .param("formToken", formToken(shown)).param("kind", "PERSON").param("firstName", "Jong")
            .param("lastName", "Suk").param("email", "returning@example.org").param("country", "KR")
            .param("consents", "terms", "privacy", "processing")
            .param("renderedAt", String.valueOf(System.currentTimeMillis() - 30_000))
            .with(request -> { // a client of its own: the other tests' signings are not counted against it
              request.setRemoteAddr("198.51.100.77");
              return request;
            }))
        .andExpect(status().is3xxRedirection())
        .andExpect(result -> assertThat(result.getFlashMap().get("counted")).isNotNull());
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before + 1);

    mvc.perform(post("/account/logout").session(session).param("_csrf", csrf(mvc.perform(get("/account")
        .session(session)).andReturn()))).andExpect(status().is3xxRedirection());
    assertThat(html(mvc.perform(get("/").session(session)).andReturn())).doesNotContain("Signed in as");

    mvc.perform(post("/account/forgot").session(new MockHttpSession()).param("email", "returning@example.org"))
        .andExpect(status().isForbidden());
    MockHttpSession other = new MockHttpSession();
    String otherCsrf = csrf(mvc.perform(get("/account").param("lang", "ko").session(other)).andReturn());
    mvc.perform(post("/account/forgot").session(other).param("_csrf", otherCsrf)
        .param("email", "returning@example.org")).andExpect(status().is3xxRedirection());
    String reset = outbox.latestTo("returning@example.org").flatMap(m -> m.actionToken()).orElseThrow();
    assertThat(html(mvc.perform(get("/account/reset").param("token", reset).header("Accept-Language", "ko"))
        .andExpect(status().isOk()).andReturn())).contains("type=\"password\"").contains("새 비밀번호");
  }

  /**
   * The form token of a page, once a person could have filled the form in: the bot check measures from the
   * render time the server signed into it (3 s at least), and the page sends no time of its own.
   */
  private static String formToken(MvcResult result) throws Exception {
    Matcher matcher = FORM_TOKEN.matcher(html(result));
    assertThat(matcher.find()).as("the page's form token").isTrue();
    Thread.sleep(3_200);
    return matcher.group(1);
  }

  @Test
  void aFormSentWithoutItsTokenOrAtOnceIsHeldNotCounted() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult shown = mvc.perform(get("/").session(session)).andReturn();
    Matcher token = FORM_TOKEN.matcher(html(shown));
    assertThat(token.find()).isTrue();
    assertThat(html(shown)).doesNotContain("name=\"renderedAt\"");
    String[] sent = {null, token.group(1)}; // no token; the page's token sent at once
    for (int i = 0; i < sent.length; i++) {
      String address = "203.0.113." + (10 + i);
      var post = post("/p/" + SLUG + "/sign").session(session).param("_csrf", csrf(shown)).param("kind", "PERSON")
          .param("firstName", "Quick").param("lastName", "Bot" + i).param("email", "quick-bot" + i + "@example.org")
          .param("country", "KR").param("consents", "terms", "privacy", "processing")
          .param("renderedAt", String.valueOf(System.currentTimeMillis() - 600_000)) // a claim never believed
          .with(r -> {
            r.setRemoteAddr(address);
            return r;
          });
      if (sent[i] != null) {
        post.param("formToken", sent[i]);
      }
      mvc.perform(post).andExpect(status().is3xxRedirection()); // answered as any signing is
    }
    assertThat(petitions.moderation().held(SLUG, 0, 100))
        .anySatisfy(h -> assertThat(h.findings()).extracting(f -> f.code()).contains("bot.form_token"))
        .anySatisfy(h -> assertThat(h.findings()).extracting(f -> f.code()).contains("bot.too_fast"));
  }

  private static String csrf(MvcResult result) throws Exception {
    Matcher matcher = CSRF.matcher(html(result));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static String html(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
