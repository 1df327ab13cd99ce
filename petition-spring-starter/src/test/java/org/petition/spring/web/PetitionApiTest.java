package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.check.Finding;
import org.petition.check.SignatureCheck;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.spring.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(properties = {
    "petition.web.trusted-proxies=10.0.0.0/8",
    "petition.web.max-body-bytes=4096"
})
@AutoConfigureMockMvc
class PetitionApiTest {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
    // A list binds from one property source only, so every petition is defined here.
    registry.add("petition.petitions[1].slug", () -> "closed-one");
    registry.add("petition.petitions[1].title", () -> "Closed");
    registry.add("petition.petitions[1].opens-at", () -> "2020-01-01T00:00:00Z");
    registry.add("petition.petitions[1].closes-at", () -> "2021-01-01T00:00:00Z");
    registry.add("petition.petitions[2].slug", () -> "quiet");
    registry.add("petition.petitions[2].title", () -> "Quiet");
    registry.add("petition.petitions[2].noindex", () -> "true");
  }

  /** The system clock, moved on by the tests: a form is signed some seconds after its token was handed out. */
  static final java.util.concurrent.atomic.AtomicReference<Duration> AHEAD =
      new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    java.time.Clock testClock() {
      java.time.Clock system = java.time.Clock.systemUTC();
      return new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public java.time.Instant instant() {
          return system.instant().plus(AHEAD.get());
        }
      };
    }

    /** Rate-limits one address, to show the 429 mapping; remembers the client address it saw. */
    @Bean
    SignatureCheck rateLimitForTests() {
      return input -> {
        LAST_IP.set(input.ip() == null ? null : input.ip().getHostAddress());
        return "limited@example.org".equals(input.canonicalEmail())
            ? List.of(Finding.rateLimited("too many signings from here", Duration.ofSeconds(90)))
            : List.of();
      };
    }
  }

  static final java.util.concurrent.atomic.AtomicReference<String> LAST_IP = new java.util.concurrent.atomic.AtomicReference<>();

  @Autowired MockMvc mvc;
  @Autowired InMemoryOutbox outbox;
  @Autowired Petitions petitions;

  @BeforeEach
  void clear() {
    outbox.clear();
  }

  @Test
  void aPetitionShowsItsCounterAndCountries() throws Exception {
    mvc.perform(get("/api/petitions/" + SLUG))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.slug").value(SLUG))
        .andExpect(jsonPath("$.title").value("60th Anniversary of U.S. Occupation of South Korea"))
        .andExpect(jsonPath("$.target").value("U.S. Government"))
        .andExpect(jsonPath("$.goal").value(1000))
        .andExpect(jsonPath("$.confirmed").isNumber())
        .andExpect(jsonPath("$.open").value(true))
        .andExpect(jsonPath("$.closesAt").value(nullValue()))
        .andExpect(content().string(containsString("\"closesAt\":null")))
        .andExpect(jsonPath("$.countries.US.goal").value(200))
        .andExpect(jsonPath("$.countries.KR.goal").value(1000))
        .andExpect(jsonPath("$.consents[0].id").value("terms"));
    mvc.perform(get("/api/petitions/closed-one"))
        .andExpect(jsonPath("$.open").value(false))
        .andExpect(jsonPath("$.closesAt").value("2021-01-01T00:00:00Z"));
  }

  @Test
  void anUnknownPetitionIsNotFoundEverywhere() throws Exception {
    mvc.perform(get("/api/petitions/nope")).andExpect(status().isNotFound())
        .andExpect(content().json("{\"status\":\"NOT_FOUND\"}"));
    mvc.perform(post("/api/petitions/nope/signatures").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value("NOT_FOUND"));
    mvc.perform(get("/api/petitions/nope/signatures")).andExpect(status().isNotFound());
    mvc.perform(get("/api/petitions/%3Cscript%3E")).andExpect(status().isNotFound());
  }

  @Test
  void signConfirmListRevoke() throws Exception {
    long before = petitions.tally(SLUG).orElseThrow().confirmed();
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5")
            .content(signing("jong@example.org", "Jong", "Suk")))
        .andExpect(status().isAccepted())
        .andExpect(content().json("{\"status\":\"PENDING\"}", true));
    OutgoingMessage mail = outbox.latestTo("jong@example.org").orElseThrow();
    assertThat(mail.locale().getLanguage()).isEqualTo("ko");
    String confirm = token(mail.actionUrl());
    String revoke = token(mail.revokeUrl());

    mvc.perform(post("/api/confirmations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"token\":\"" + confirm + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CONFIRMED"))
        .andExpect(jsonPath("$.number").value(before + 1));
    mvc.perform(post("/api/confirmations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"token\":\"" + confirm + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ALREADY_CONFIRMED"))
        .andExpect(jsonPath("$.number").value(before + 1));
    mvc.perform(get("/api/petitions/" + SLUG)).andExpect(jsonPath("$.confirmed").value(before + 1));

    mvc.perform(get("/api/petitions/" + SLUG + "/signatures").param("limit", "1"))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("X-Robots-Tag"))
        .andExpect(jsonPath("$.items[0].number").value(before + 1))
        .andExpect(jsonPath("$.items[0].name").value("Jong S."))
        .andExpect(jsonPath("$.items[0].comment").value("I support this petition"))
        .andExpect(jsonPath("$.items[0].city").value("Seoul"))
        .andExpect(jsonPath("$.items[0].country").value("KR"))
        .andExpect(jsonPath("$.items[0].organization").value(false))
        .andExpect(jsonPath("$.items[0].signedAt").isString())
        .andExpect(content().string(not(containsString("jong@example.org"))));

    mvc.perform(post("/api/revocations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"token\":\"" + revoke + "\"}"))
        .andExpect(status().isOk()).andExpect(content().json("{\"status\":\"REVOKED\"}", true));
    mvc.perform(post("/api/confirmations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"token\":\"" + confirm + "\"}"))
        .andExpect(status().isGone()).andExpect(jsonPath("$.status").value("REVOKED"));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before);
  }

  @Test
  void aRepeatedSigningLooksLikeAFirstOne() throws Exception {
    String body = signing("repeat@example.org", "Re", "Peat");
    // From two addresses: a second signing from one address within a minute is rate limited (tested apart).
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON).content(body)
            .with(r -> { r.setRemoteAddr("198.51.100.11"); return r; }))
        .andExpect(status().isAccepted()).andExpect(content().json("{\"status\":\"PENDING\"}", true));
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON).content(body)
            .with(r -> { r.setRemoteAddr("198.51.100.12"); return r; }))
        .andExpect(status().isAccepted()).andExpect(content().json("{\"status\":\"PENDING\"}", true));
  }

  @Test
  void theHoneypotIsPassedOnAndAnswersPending() throws Exception {
    String body = signing("bot@example.org", "Bot", "Net").replace("}", ",\"website\":\"http://spam\"}");
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"));
  }

  @Test
  void invalidFieldsAreNamed() throws Exception {
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\":\"PERSON\",\"firstName\":\"Ann\",\"email\":\"not-an-email\",\"country\":\"US\","
                + "\"consents\":[\"terms\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.errors[?(@.field=='email')].code").value("email.invalid"))
        .andExpect(jsonPath("$.errors[?(@.field=='consents')]").isNotEmpty())
        .andExpect(jsonPath("$.errors[0].message").isString())
        .andExpect(content().string(not(containsString("not-an-email"))));
  }

  @Test
  void wrongTypesAreNamedFieldByField() throws Exception {
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\":\"ALIEN\",\"firstName\":5,\"email\":[\"a@b.c\"],\"consents\":\"terms\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.errors[?(@.field=='kind')].code").value("kind.invalid"))
        .andExpect(jsonPath("$.errors[?(@.field=='firstName')].code").value("field.invalid_type"))
        .andExpect(jsonPath("$.errors[?(@.field=='email')].code").value("field.invalid_type"))
        .andExpect(jsonPath("$.errors[?(@.field=='consents')].code").value("field.invalid_type"));
  }

  @Test
  void malformedBodiesGetTheApiShapesNeverAStackTrace() throws Exception {
    // Malformed JSON is a broken request, 400 INVALID_JSON (this test expected 422 REJECTED request.malformed
    // before: the signing endpoint answered a parse failure as a signing that broke a rule).
    for (String body : List.of("{\"firstName\":", "not json", "{\"a\":1} trailing", "{\"a\":1} {}")) {
      MvcResult result = mvc.perform(post("/api/petitions/" + SLUG + "/signatures")
              .contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest())
          .andExpect(content().json("{\"status\":\"INVALID_JSON\"}", true))
          .andReturn();
      assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at org.");
    }
    // Well-formed JSON that is not an object, and no body at all, are still signings without fields.
    for (String body : List.of("[1,2]", "\"text\"", "")) {
      mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.status").value("REJECTED"))
          .andExpect(jsonPath("$.errors[0].code").value("request.malformed"));
    }
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.TEXT_PLAIN).content("hi"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("request.not_json"));
    for (String body : List.of("{\"token\":5}", "{}", "[]", "")) {
      mvc.perform(post("/api/confirmations").contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest()).andExpect(content().json("{\"status\":\"INVALID\"}", true));
      mvc.perform(post("/api/revocations").contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest()).andExpect(content().json("{\"status\":\"INVALID\"}", true));
    }
    for (String path : List.of("/api/confirmations", "/api/revocations")) {
      mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"token\":"))
          .andExpect(status().isBadRequest()).andExpect(content().json("{\"status\":\"INVALID_JSON\"}", true));
    }
  }

  @Test
  void anAddressOnlyRfc5322RefusesIsNamedByItsRule() throws Exception {
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .content(signing("a\\\\b@example.org", "Back", "Slash")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[?(@.field=='email')].code").value("email.backslash_outside_quotes"));
  }

  @Test
  void badTokensAreInvalidAndNeverThrow() throws Exception {
    mvc.perform(post("/api/confirmations").contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"AAAA\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value("INVALID"));
    mvc.perform(post("/api/revocations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"token\":\"" + "x".repeat(600) + "\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value("INVALID"));
  }

  @Test
  void aClosedPetitionIsAConflict() throws Exception {
    mvc.perform(post("/api/petitions/closed-one/signatures").contentType(MediaType.APPLICATION_JSON)
            .content(signing("late@example.org", "Late", "Comer")))
        .andExpect(status().isConflict()).andExpect(content().json("{\"status\":\"CLOSED\"}", true));
  }

  @Test
  void aRateLimitIs429WithRetryAfter() throws Exception {
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .content(signing("limited@example.org", "Lim", "Ited")))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "90"))
        .andExpect(content().json("{\"status\":\"RATE_LIMITED\"}", true));
  }

  @Test
  void theClientAddressComesFromForwardedForOnlyBehindATrustedProxy() throws Exception {
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .with(request -> {
              request.setRemoteAddr("10.1.2.3");
              return request;
            })
            .header("X-Forwarded-For", "1.1.1.1, 203.0.113.9, 10.9.9.9")
            .content(signing("proxied@example.org", "Pro", "Xied")))
        .andExpect(status().isAccepted());
    assertThat(LAST_IP.get()).isEqualTo("203.0.113.9");
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .with(request -> {
              request.setRemoteAddr("198.51.100.7");
              return request;
            })
            .header("X-Forwarded-For", "203.0.113.9")
            .content(signing("direct@example.org", "Di", "Rect")))
        .andExpect(status().isAccepted());
    assertThat(LAST_IP.get()).isEqualTo("198.51.100.7");
  }

  @Test
  void listingPagesWithACursorAndNoindex() throws Exception {
    petitions.register(Petition.builder("paged").title("Paged").build());
    for (int i = 0; i < 3; i++) {
      String email = "p" + i + "@example.org";
      petitions.sign(org.petition.SignatureRequest.builder("paged").person("Pat" + i, "Doe").email(email).build());
      petitions.confirm(token(outbox.latestTo(email).orElseThrow().actionUrl()));
    }
    String first = mvc.perform(get("/api/petitions/paged/signatures").param("limit", "2"))
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].number").value(3))
        .andExpect(jsonPath("$.next").isString())
        .andReturn().getResponse().getContentAsString();
    String next = first.replaceAll(".*\"next\":\"([^\"]+)\".*", "$1");
    mvc.perform(get("/api/petitions/paged/signatures").param("limit", "2").param("cursor", next))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].number").value(1))
        .andExpect(jsonPath("$.next").value(nullValue()));
    mvc.perform(get("/api/petitions/paged/signatures").param("cursor", "garbage!"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
    mvc.perform(get("/api/petitions/paged/signatures").param("limit", "abc"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(get("/api/petitions/paged/signatures").param("limit", "101"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value("INVALID"));
    mvc.perform(get("/api/petitions/quiet/signatures"))
        .andExpect(status().isOk()).andExpect(header().string("X-Robots-Tag", "noindex"));
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeReading() throws Exception {
    // MockMvc declares the length; RequestBodyLimitServerTest streams bodies to a real server.
    mvc.perform(post("/api/petitions/" + SLUG + "/signatures").contentType(MediaType.APPLICATION_JSON)
            .content("{\"comment\":\"" + "x".repeat(5000) + "\"}"))
        .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.status").value("TOO_LARGE"));
    mvc.perform(post("/confirm").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("token=" + "x".repeat(5000)))
        .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.status").value("TOO_LARGE"));
  }

  @Test
  void confirmPagesShowAButtonOnGetAndActOnlyOnPost() throws Exception {
    petitions.sign(org.petition.SignatureRequest.builder(SLUG).person("Page", "Visitor").email("page@example.org")
        .country("US").consent("terms", "privacy", "processing").build());
    OutgoingMessage mail = outbox.latestTo("page@example.org").orElseThrow();
    String token = token(mail.actionUrl());
    long before = petitions.tally(SLUG).orElseThrow().confirmed();

    mvc.perform(get("/confirm").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("<form method=\"post\" action=\"confirm\">")))
        .andExpect(content().string(containsString("value=\"" + token + "\"")));
    mvc.perform(get("/confirm").param("token", token));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before);

    String page = mvc.perform(post("/confirm").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("you are signer number ")))
        .andReturn().getResponse().getContentAsString();
    String number = page.replaceAll("(?s).*signer number (\\d+).*", "$1");
    assertThat(petitions.latest(SLUG, null, 1).items().get(0).number()).isEqualTo(Long.parseLong(number));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before + 1);
    mvc.perform(post("/confirm").param("token", token).header("Accept-Language", "ko"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("이미 확인된 서명입니다")));

    mvc.perform(get("/confirm")).andExpect(status().isBadRequest());
    mvc.perform(post("/confirm").param("token", "tampered")).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("not valid")));

    String revoke = token(mail.revokeUrl());
    mvc.perform(get("/revoke").param("token", revoke)).andExpect(status().isOk())
        .andExpect(content().string(containsString("action=\"revoke\"")));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before + 1);
    mvc.perform(post("/revoke").param("token", revoke)).andExpect(status().isOk())
        .andExpect(content().string(containsString("removed")));
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(before);
    mvc.perform(get("/revoke")).andExpect(status().isBadRequest());
  }

  @Test
  void aScriptInATokenIsNeitherRunNorEchoed() throws Exception {
    // Not a token of this site: the page says the link is not valid, and shows no button and no token.
    mvc.perform(get("/confirm").param("token", "\"><script>alert(1)</script>"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(not(containsString("<script>"))))
        .andExpect(content().string(not(containsString("<button"))))
        .andExpect(content().string(containsString("not valid")));
  }

  /** A signing as an API client sends it: with the form token it took from the petition, some seconds later. */
  private String signing(String email, String first, String last) throws Exception {
    return "{\"kind\":\"PERSON\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email
        + "\",\"country\":\"KR\",\"city\":\"Seoul\",\"comment\":\"I support this petition\","
        + "\"consents\":[\"terms\",\"privacy\",\"processing\"],\"formToken\":\"" + formToken(SLUG) + "\"}";
  }

  /** A form token from {@code GET /api/petitions/{slug}}, with the clock then moved on 10 s, as a person takes. */
  private String formToken(String slug) throws Exception {
    String body = mvc.perform(get("/api/petitions/" + slug)).andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andReturn().getResponse().getContentAsString();
    Matcher matcher = Pattern.compile("\"formToken\":\"([A-Za-z0-9_-]+)\"").matcher(body);
    assertThat(matcher.find()).as("a form token in %s", body).isTrue();
    AHEAD.updateAndGet(ahead -> ahead.plusSeconds(10));
    return matcher.group(1);
  }

  private static String token(String url) {
    Matcher matcher = TOKEN.matcher(url);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
