package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;


/** The README's quick start, verbatim between the markers, so the README never shows code that fails. */
class ReadmeQuickStartTest {

  @Test
  void theQuickStartWorks() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String tokenSecret = Base64.getEncoder().encodeToString(bytes);
    random.nextBytes(bytes);
    String identitySecret = Base64.getEncoder().encodeToString(bytes);
    random.nextBytes(bytes);
    String dataSecret = Base64.getEncoder().encodeToString(bytes);

    // README quick start: begin
    InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
    Petitions petitions = Petitions.builder()
        .tokenKeys(Tokens.of(TokenKey.ofBase64("2026-11", tokenSecret)))      // from your configuration
        .identitySecret(Base64.getDecoder().decode(identitySecret))          // from your configuration
        .dataKeys(DataKeys.of(new DataKey("d1", Base64.getDecoder().decode(dataSecret))))
        .sender(outbox)                                                      // or your mail SPI
        .baseUrl("https://petitions.example.org")
        .build();

    petitions.register(Petition.builder("peace-treaty")
        .title("A peace treaty for Korea")
        .target("U.S. Government")
        .goal(1000).goal("US", 200).goal("KR", 1000)
        .consent(ConsentDocument.ofText("terms", "2026-01", ConsentPurpose.TERMS, "The terms text shown"))
        .build());

    SignResult result = petitions.sign(SignatureRequest.builder("peace-treaty")
        .person("영일", "김").email("kim@example.kr").country("KR")
        .comment("평화 협정을 지지합니다").consent("terms")
        .build());

    if (result instanceof SignResult.Rejected rejected) {
      rejected.violations().forEach(v -> System.out.println(v.field() + ": " + v.code()));
    }
    // The owner of the address follows the link in the mail (here: the outbox) to confirm.
    String link = outbox.latestTo("kim@example.kr").orElseThrow().actionUrl();
    ConfirmResult confirmed = petitions.confirm(link.substring(link.indexOf("token=") + 6));
    Tally tally = petitions.tally("peace-treaty").orElseThrow();          // 1 / 1000, KR 1 / 1000
    // README quick start: end

    assertThat(result).isInstanceOf(SignResult.Pending.class);
    assertThat(confirmed).isEqualTo(new ConfirmResult.Confirmed(1));
    assertThat(tally.confirmed()).isEqualTo(1);
    assertThat(tally.country("KR")).isEqualTo(new CountryTally(1, 1000));
  }
}
