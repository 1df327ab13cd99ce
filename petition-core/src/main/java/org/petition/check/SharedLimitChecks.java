package org.petition.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RateLimitCheck} and a {@link SurgeDetector} shared in one {@link LimitStore}, run as one check so each
 * signing makes one store update for both ({@link LimitStore#updateAll}) instead of one each: on a JDBC store one
 * group-committed transaction and one wait instead of two. The findings are those the two checks would find in
 * this order, the rate limit's first, both counted at the same instant. Made by {@link
 * RateLimitCheck#togetherWith}; {@link org.petition.Petitions} does so for its built-in checks when they are
 * shared.
 */
public final class SharedLimitChecks implements SignatureCheck {

  /** One shared check's store update for a signing, and the findings its answer means. */
  record Step(LimitStore.Request<?> request, Function<Object, List<Finding>> meaning) {
    List<Finding> findings(Object answer) {
      return meaning.apply(answer);
    }
  }

  private final RateLimitCheck rates;
  private final SurgeDetector surges;
  private final LimitStore store;

  SharedLimitChecks(RateLimitCheck rates, SurgeDetector surges) {
    LimitStore store = rates.limitStore().orElseThrow(
        () -> new IllegalArgumentException("the rate limit check is not shared in a limit store"));
    if (surges.limitStore().orElse(null) != store) {
      throw new IllegalArgumentException("the surge detector is not shared in the rate limit check's limit store");
    }
    if (surges.clock() != rates.clock()) {
      throw new IllegalArgumentException("the surge detector and the rate limit check are not on the same clock");
    }
    this.rates = rates;
    this.surges = surges;
    this.store = store;
  }

  /** The rate limits run here. */
  public RateLimitCheck rates() {
    return rates;
  }

  /** The surge detector run here (subscribe to its surges with {@link SurgeDetector#onSurge}). */
  public SurgeDetector surges() {
    return surges;
  }

  @Override
  public List<Finding> check(CheckInput input) {
    long now = rates.clock().millis();
    @Nullable Step rate = rates.sharedStep(input, now);
    @Nullable Step surge = surges.sharedStep(input, now);
    if (rate == null || surge == null) {
      Step only = rate != null ? rate : surge;
      return only == null ? List.of()
          : only.findings(store.update(only.request().keys(), now, only.request().change()));
    }
    List<Object> answers = store.updateAll(now, List.of(rate.request(), surge.request()));
    if (answers.size() != 2) {
      throw new IllegalStateException("a limit store answered " + answers.size() + " answers for 2 requests");
    }
    List<Finding> limited = rate.findings(answers.get(0));
    List<Finding> surging = surge.findings(answers.get(1));
    if (limited.isEmpty() || surging.isEmpty()) {
      return limited.isEmpty() ? surging : limited;
    }
    List<Finding> both = new ArrayList<>(limited.size() + surging.size());
    both.addAll(limited);
    both.addAll(surging);
    return both;
  }

  /**
   * {@code checks} with each shared {@link RateLimitCheck} directly followed by a {@link SurgeDetector} shared in
   * the same store on the same clock replaced by the two {@link RateLimitCheck#togetherWith together}; the rest as
   * they were, in order.
   */
  public static List<SignatureCheck> merged(List<SignatureCheck> checks) {
    Objects.requireNonNull(checks, "checks must not be null");
    List<SignatureCheck> merged = new ArrayList<>(checks.size());
    for (int i = 0; i < checks.size(); i++) {
      SignatureCheck check = checks.get(i);
      if (i + 1 < checks.size() && check instanceof RateLimitCheck rates && checks.get(i + 1) instanceof SurgeDetector surges
          && rates.limitStore().isPresent() && surges.limitStore().orElse(null) == rates.limitStore().get()
          && surges.clock() == rates.clock()) {
        merged.add(rates.togetherWith(surges));
        i++;
      } else {
        merged.add(check);
      }
    }
    return merged;
  }
}
