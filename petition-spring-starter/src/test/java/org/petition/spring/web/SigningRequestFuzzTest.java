package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * {@code POST /api/petitions/{slug}/signatures} with any body and content type: the JSON read by {@link JsonBodies}
 * into a {@link SigningForm}, mapped to a signing by the controller and judged by a real (in-memory) {@link
 * Petitions}, is always answered with a status the API documents (202, 400, 409, 413, 422, 429), never 5xx and
 * never an exception other than {@link JsonBodies.RefusedBody}, which the API's exception handler answers.
 */
class SigningRequestFuzzTest {

  private static final String SLUG = "peace-treaty";
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=UTF-8",
      "application/problem+json", "application/json; charset=UTF-16", "application/json; charset=ISO-8859-1",
      "application/json; charset=windows-1251", "application/json; charset=nonsense", "text/plain",
      "application/x-www-form-urlencoded", "application/json; boundary=\"", ""};
  /** A fresh library every so many inputs, so the in-memory store and outbox stay small in a long run. */
  private static final int INPUTS_PER_LIBRARY = 20_000;
  private static final PetitionApiExceptionHandler HANDLER = new PetitionApiExceptionHandler();

  private static PetitionApiController controller = newController();
  private static HandlerMethod signMethod = handler(controller);
  private static int inputs;

  /** One signing through every stage first, so the first input is not timed with loading the library. */
  @BeforeAll
  static void warmUp() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/petitions/" + SLUG + "/signatures");
    request.setContentType("application/json");
    request.setContent(bytes("{\"firstName\":\"Anna\",\"lastName\":\"Kim\",\"email\":\"anna@example.org\","
        + "\"country\":\"KR\",\"consents\":[\"terms\"]}"));
    request.setRemoteAddr("192.0.2.1");
    controller.sign(SLUG, request);
  }

  @FuzzTest(maxDuration = "10s")
  void anyBodyIsAnsweredWithADocumentedStatus(FuzzedDataProvider data) {
    if (++inputs % INPUTS_PER_LIBRARY == 0) {
      controller = newController();
      signMethod = handler(controller);
    }
    String contentType = data.pickValue(CONTENT_TYPES);
    byte[] address = data.consumeBytes(4);
    byte[] body = data.consumeRemainingAsBytes();

    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/petitions/" + SLUG + "/signatures");
    if (!contentType.isEmpty()) {
      request.setContentType(contentType);
    }
    request.setContent(body);
    request.setRemoteAddr(address.length == 4 ? (1 + (address[0] & 0x7f)) + "." + (address[1] & 0xff) + "."
        + (address[2] & 0xff) + "." + (address[3] & 0xff) : "192.0.2.1");

    ResponseEntity<ApiBody> response;
    try {
      response = controller.sign(SLUG, request);
    } catch (JsonBodies.RefusedBody refused) {
      response = HANDLER.refusedBody(refused, signMethod);
    }
    assertThat(response.getStatusCode().value()).isIn(202, 400, 409, 413, 422, 429);
    assertThat(response.getBody()).isNotNull();
    if (response.getBody() instanceof ApiBody.Rejected rejected) {
      assertThat(rejected.errors()).as("a refusal names its fields").isNotEmpty()
          .allSatisfy(error -> assertThat(error.field()).isNotBlank());
    }
  }

  private static PetitionApiController newController() {
    Petitions petitions = Petitions.builder()
        .tokenKeys(Tokens.of(TokenKey.of("fuzz", bytes("a token secret of thirty-two bytes at least"))))
        .identitySecret(bytes("an identity secret of thirty-two bytes or more"))
        .dataKeys(DataKeys.of(new DataKey("d1", bytes("a data key of exactly 32 bytes!!"))))
        .sender(InMemoryOutbox.ofDefaults())
        .baseUrl("https://petitions.example.org")
        .build();
    petitions.register(Petition.builder(SLUG)
        .title("A peace treaty for Korea")
        .target("U.S. Government")
        .goal(1000)
        .consent(ConsentDocument.ofText("terms", "2026-01", ConsentPurpose.TERMS, "The terms text shown"))
        .build());
    return new PetitionApiController(petitions, new HttpRequestContexts(TrustedProxies.none(), Clock.systemUTC()));
  }

  private static HandlerMethod handler(PetitionApiController controller) {
    try {
      return new HandlerMethod(controller, "sign", String.class, HttpServletRequest.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
