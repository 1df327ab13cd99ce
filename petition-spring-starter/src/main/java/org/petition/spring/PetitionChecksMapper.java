package org.petition.spring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.petition.check.BotSignalsCheck;
import org.petition.check.ContentCheck;
import org.petition.check.SpamModel;
import org.petition.check.DisposableDomainCheck;
import org.petition.check.RateLimitCheck;
import org.petition.check.SignatureCheck;
import org.petition.check.SurgeDetector;

/**
 * {@code petition.checks.*} into the built-in checks, each through its public builder, in core's order (rate
 * limits, surges, bot signals, disposable domains, content); a check turned off is left out. What a builder
 * refuses becomes a {@link PetitionConfigurationException} naming the property; all of them are reported at once.
 */
public final class PetitionChecksMapper {

  private static final String LIMIT = "Use a count of 1 to 10,000 and a window of a second to a day, such as %s.";

  private PetitionChecksMapper() {}

  /**
   * The enabled built-in checks, on {@code clock}.
   *
   * @throws PetitionConfigurationException listing every setting refused
   */
  public static List<SignatureCheck> checks(PetitionProperties properties, Clock clock) {
    PetitionCheckProperties checks = properties.getChecks();
    List<PetitionConfigurationException> problems = new ArrayList<>();
    List<SignatureCheck> built = new ArrayList<>();
    if (checks.getRateLimit().isEnabled()) {
      built.add(rateLimit(checks.getRateLimit(), clock, problems));
    }
    if (checks.getSurge().isEnabled()) {
      built.add(surge(checks.getSurge(), clock, problems));
    }
    if (checks.getBotSignals().isEnabled()) {
      PetitionCheckProperties.BotSignals bot = checks.getBotSignals();
      BotSignalsCheck.Builder builder = BotSignalsCheck.builder();
      String prefix = "petition.checks.bot-signals.";
      apply(problems, prefix + "minimum-fill-time", "Use zero (no timing check) or more, such as 3s.",
          () -> builder.minimumFillTime(bot.getMinimumFillTime()));
      apply(problems, prefix + "clock-tolerance", "Use zero or more, such as 1m.",
          () -> builder.clockTolerance(bot.getClockTolerance()));
      built.add(builder.build());
    }
    if (checks.getDisposableDomains().isEnabled()) {
      PetitionCheckProperties.DisposableDomains disposable = checks.getDisposableDomains();
      DisposableDomainCheck.Builder builder = DisposableDomainCheck.builder();
      String prefix = "petition.checks.disposable-domains.";
      apply(problems, prefix + "severity", "Use LOW, MEDIUM, HIGH or CRITICAL.",
          () -> builder.severity(disposable.getSeverity()));
      apply(problems, prefix + "additional-domains", "Use domain names such as throwaway.example.",
          () -> builder.addDomains(disposable.getAdditionalDomains()));
      built.add(builder.build());
    }
    if (checks.getContent().isEnabled()) {
      ContentCheck.Builder builder = ContentCheck.builder();
      apply(problems, "petition.checks.content.additional-abuse-terms", "Leave no term empty.",
          () -> builder.addAbuseTerms(checks.getContent().getAdditionalAbuseTerms()));
      PetitionCheckProperties.Content content = checks.getContent();
      apply(problems, "petition.checks.content.untargeted-profanity", "Use LOW (publish) or MEDIUM (hide).",
          () -> builder.untargetedProfanity(content.getUntargetedProfanity()));
      apply(problems, "petition.checks.content.targeted-profanity", "Use LOW (publish) or MEDIUM (hide).",
          () -> builder.targetedProfanity(content.getTargetedProfanity()));
      Double threshold = content.getSpamThreshold();
      if (threshold != null) {
        apply(problems, "petition.checks.content.spam-threshold", "Use a number between 0 and 1, such as 0.8.",
            () -> builder.spamModel(SpamModel.ofDefaults().withThreshold(threshold)));
      }
      built.add(builder.build());
    }
    if (!problems.isEmpty()) {
      throw PetitionConfigurationException.of(problems);
    }
    return built;
  }

  private static RateLimitCheck rateLimit(PetitionCheckProperties.RateLimit rate, Clock clock,
      List<PetitionConfigurationException> problems) {
    RateLimitCheck.Builder builder = RateLimitCheck.builder().clock(clock);
    String prefix = "petition.checks.rate-limit.";
    apply(problems, prefix + "ip-burst", String.format(LIMIT, "count=1 and window=60s"),
        () -> builder.burst(rate.getIpBurst().getCount(), rate.getIpBurst().getWindow()));
    apply(problems, prefix + "ip-sustained", String.format(LIMIT, "count=5 and window=5m"),
        () -> builder.sustained(rate.getIpSustained().getCount(), rate.getIpSustained().getWindow()));
    if (rate.isNetworkLimits()) {
      apply(problems, prefix + "network-burst", String.format(LIMIT, "count=20 and window=1m"),
          () -> builder.networkBurst(rate.getNetworkBurst().getCount(), rate.getNetworkBurst().getWindow()));
      apply(problems, prefix + "network-sustained", String.format(LIMIT, "count=100 and window=1h"),
          () -> builder.networkSustained(rate.getNetworkSustained().getCount(),
              rate.getNetworkSustained().getWindow()));
    } else {
      builder.withoutNetworkLimits();
    }
    if (rate.getDomain().getCount() != 0) {
      apply(problems, prefix + "domain", String.format(LIMIT, "count=200 and window=1h") + " A count of 0 means none.",
          () -> builder.domainLimit(rate.getDomain().getCount(), rate.getDomain().getWindow()));
    }
    apply(problems, prefix + "exempt-domains", "Use domain names such as example.org.",
        () -> rate.getExemptDomains().forEach(builder::exemptDomain));
    apply(problems, prefix + "maximum-keys", "Use a positive number such as 100000.",
        () -> builder.maximumKeys(rate.getMaximumKeys()));
    return builder.build();
  }

  private static SurgeDetector surge(PetitionCheckProperties.Surge surge, Clock clock,
      List<PetitionConfigurationException> problems) {
    SurgeDetector.Builder builder = SurgeDetector.builder().clock(clock);
    String prefix = "petition.checks.surge.";
    apply(problems, prefix + "window", "Use a duration of a second to a week, such as 1h.",
        () -> builder.window(surge.getWindow()));
    apply(problems, prefix + "threshold", "Use a positive number such as 100.",
        () -> builder.threshold(surge.getThreshold()));
    if (surge.getHoldThreshold() != 0) {
      apply(problems, prefix + "hold-threshold", "Use 0 (hold nothing) or a positive number such as 500.",
          () -> builder.holdThreshold(surge.getHoldThreshold()));
    }
    apply(problems, prefix + "exempt-domains", "Use domain names such as example.org.",
        () -> surge.getExemptDomains().forEach(builder::exemptDomain));
    apply(problems, prefix + "maximum-keys", "Use a positive number such as 100000.",
        () -> builder.maximumKeys(surge.getMaximumKeys()));
    return builder.build();
  }

  private static void apply(List<PetitionConfigurationException> problems, String property, String action,
      Runnable setting) {
    try {
      setting.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new PetitionConfigurationException(property, String.valueOf(e.getMessage()), action, null));
    }
  }
}
