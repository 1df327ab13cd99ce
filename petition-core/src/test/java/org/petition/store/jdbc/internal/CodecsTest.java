package org.petition.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentGrant;
import org.petition.privacy.ConsentPurpose;


class CodecsTest {

  @Test
  void roundTrips() {
    List<Finding> findings = List.of(Finding.of("content.link", Severity.HIGH, "comment", "Links \"out\"."),
        Finding.rateLimited("Slow down.", Duration.ofMillis(1500)),
        Finding.fraud("bot.honeypot", Severity.CRITICAL, "request", "Filled the hidden field."));
    assertThat(Codecs.findings(Codecs.findings(findings))).isEqualTo(findings);

    List<ConsentGrant> grants = List.of(new ConsentGrant("terms", "1", "e".repeat(64), ConsentPurpose.TERMS));
    assertThat(Codecs.consentGrants(Codecs.consentGrants(grants))).isEqualTo(grants);

    List<ConsentDocument> documents = List.of(
        new ConsentDocument("news", "v2", "d".repeat(64), ConsentPurpose.NEWSLETTER, false));
    assertThat(Codecs.consentDocuments(Codecs.consentDocuments(documents))).isEqualTo(documents);

    assertThat(Codecs.goals(Codecs.goals(Map.of("US", 2L, "KR", 1000L)))).isEqualTo(Map.of("US", 2L, "KR", 1000L));
    assertThat(Codecs.goals(Map.of("US", 2L, "KR", 1000L))).isEqualTo("{\"KR\":1000,\"US\":2}");
    assertThat(Codecs.tags(Codecs.tags(List.of("b", "a", "b")))).containsExactly("b", "a", "b");
  }

  @Test
  void ignoresUnknownKeysAndRejectsWrongTypes() {
    assertThat(Codecs.consentGrants("[{\"documentId\":\"t\",\"version\":\"1\",\"sha256\":\"" + "f".repeat(64)
        + "\",\"purpose\":\"TERMS\",\"later\":1}]")).hasSize(1);
    assertThatThrownBy(() -> Codecs.tags("[1]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag must be a JSON string");
    assertThatThrownBy(() -> Codecs.tags("{}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a JSON array");
  }
}
