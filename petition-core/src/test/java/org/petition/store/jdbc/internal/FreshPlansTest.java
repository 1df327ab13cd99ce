package org.petition.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FreshPlansTest {

  @Test
  void theSignatureTableIsAnalysedAtEachFourfoldGrowthFromAThousandIds() {
    assertThat(FreshPlans.analysisAfter(0)).isEqualTo(1_000);
    assertThat(FreshPlans.analysisAfter(999)).isEqualTo(1_000);
    assertThat(FreshPlans.analysisAfter(1_000)).isEqualTo(4_000);
    assertThat(FreshPlans.analysisAfter(15_999)).isEqualTo(16_000);
    assertThat(FreshPlans.analysisAfter(4_095_999)).isEqualTo(4_096_000);
  }

  @Test
  @Timeout(5)
  void pastTheLastThresholdNoneIsLeftWhateverTheId() {
    assertThat(FreshPlans.analysisAfter(4_096_000)).isEqualTo(Long.MAX_VALUE);
    assertThat(FreshPlans.analysisAfter(Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE);
    // The ids a store sees may be anything a sequence answers: seen() must return at once.
    FreshPlans plans = new FreshPlans(PostgresDialect.INSTANCE, FreshPlans.DEFAULT_BELOW);
    long started = System.nanoTime();
    plans.seen(Long.MAX_VALUE);
    plans.seen(Long.MAX_VALUE);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }
}
