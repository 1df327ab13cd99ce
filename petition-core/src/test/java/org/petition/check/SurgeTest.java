package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurgeTest {

  private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aSurgeHoldsWhatItWasGiven() {
    Surge surge = new Surge("p", Surge.Dimension.NETWORK, "203.0.113.0/24", 120, Duration.ofHours(1), AT);

    assertThat(surge.petition()).isEqualTo("p");
    assertThat(surge.dimension()).isEqualTo(Surge.Dimension.NETWORK);
    assertThat(surge.label()).isEqualTo("203.0.113.0/24");
    assertThat(surge.count()).isEqualTo(120);
    assertThat(surge.window()).isEqualTo(Duration.ofHours(1));
    assertThat(surge.at()).isEqualTo(AT);
    assertThat(Surge.Dimension.values()).containsExactly(Surge.Dimension.IP, Surge.Dimension.NETWORK,
        Surge.Dimension.DOMAIN);
  }

  @Test
  void everyPartIsRequired() {
    Duration hour = Duration.ofHours(1);
    assertThatNullPointerException().isThrownBy(() -> new Surge(null, Surge.Dimension.IP, "l", 1, hour, AT))
        .withMessage("petition must not be null");
    assertThatNullPointerException().isThrownBy(() -> new Surge("p", null, "l", 1, hour, AT))
        .withMessage("dimension must not be null");
    assertThatNullPointerException().isThrownBy(() -> new Surge("p", Surge.Dimension.IP, null, 1, hour, AT))
        .withMessage("label must not be null");
    assertThatNullPointerException().isThrownBy(() -> new Surge("p", Surge.Dimension.IP, "l", 1, null, AT))
        .withMessage("window must not be null");
    assertThatNullPointerException().isThrownBy(() -> new Surge("p", Surge.Dimension.IP, "l", 1, hour, null))
        .withMessage("at must not be null");
    assertThatIllegalArgumentException().isThrownBy(() -> new Surge("p", Surge.Dimension.IP, "l", 0, hour, AT))
        .withMessage("count must be positive");
  }
}
