package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder reuses the consent set it built last when equal: every request still holds exactly its own ids. */
class SignatureRequestConsentsTest {

  private static Set<String> consents(String... ids) {
    SignatureRequest.Builder builder = SignatureRequest.builder("p").person("Ann", "Lee").email("a@example.org");
    for (String id : ids) {
      builder.consent(id);
    }
    return builder.build().consents();
  }

  @Test
  void eachRequestHoldsItsOwnIdsWhateverTheRequestBeforeHeld() {
    Set<String> three = consents("terms", "privacy", "news");
    assertThat(three).containsExactlyInAnyOrder("terms", "privacy", "news");
    assertThat(consents("news", "terms", "privacy")).isEqualTo(three);
    assertThat(consents("terms", "privacy")).containsExactlyInAnyOrder("terms", "privacy");
    assertThat(consents("terms", "privacy", "other")).containsExactlyInAnyOrder("terms", "privacy", "other");
    assertThat(consents("terms", "terms", "privacy")).containsExactlyInAnyOrder("terms", "privacy");
    assertThat(consents()).isEmpty();
    assertThat(consents("x")).containsExactly("x");
    assertThat(consents("terms", "privacy", "news")).isEqualTo(three);
  }

  @Test
  void theReusedSetCannotBeChanged() {
    Set<String> set = consents("terms", "privacy", "news");
    Set<String> again = consents("terms", "privacy", "news");
    assertThatThrownBy(() -> again.add("more")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(set).hasSize(3);
  }
}
