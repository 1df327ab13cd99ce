package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.ConsentRecord;
import org.petition.privacy.ConsentSubjects;
import org.petition.store.SignatureCriteria;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;


class ConsentAtConfirmationTest {

  @Test
  void confirmingRecordsEveryConsentGivenWithItsDocumentAndEvidence() {
    MutableClock clock = new MutableClock(Fixtures.START);
    InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
    Petitions petitions = Fixtures.petitions(clock, outbox).build();
    petitions.register(Fixtures.seedPetition());
    petitions.sign(person("Frank", "C", "frank@example.org").ip("203.0.113.77").userAgent("Mozilla/5.0")
        .formId("sign-form-v3").locale(java.util.Locale.KOREAN).build());

    long id = petitions.store().search("us-troops-out-of-korea",
        org.petition.store.SignatureCriteria.builder().emailDomain("example.org").build(), 0, 1).get(0).id();
    String subject = org.petition.privacy.ConsentSubjects.of(petitions.store().find(id).orElseThrow().data().emailKey());
    assertThat(petitions.store().consentLedger().recordsOf(subject)).as("no consent is proven before confirmation").isEmpty();

    clock.advance(java.time.Duration.ofMinutes(2));
    petitions.confirm(confirmToken(outbox.latestTo("frank@example.org").orElseThrow()));

    List<ConsentRecord> records = petitions.store().consentLedger().recordsOf(subject);
    assertThat(records).hasSize(3).allSatisfy(record -> {
      assertThat(record.action()).isEqualTo(ConsentRecord.Action.GRANTED);
      assertThat(record.at()).isEqualTo(Fixtures.START.plusSeconds(120));
      assertThat(record.evidence().formId()).isEqualTo("sign-form-v3");
      assertThat(record.evidence().truncatedIp()).isEqualTo("203.0.113.0/24");
      assertThat(record.evidence().userAgentSha256()).hasSize(64);
      assertThat(record.evidence().locale()).isEqualTo("ko");
    });
    assertThat(records).extracting(ConsentRecord::documentSha256)
        .containsExactlyInAnyOrder(Fixtures.TERMS.sha256(), Fixtures.PRIVACY.sha256(), Fixtures.PROCESSING.sha256());
    assertThat(petitions.store().consentLedger().verify().ok()).isTrue();
  }
}
