package org.petition.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.petition.check.BotSignalsCheck;
import org.jspecify.annotations.Nullable;
import org.petition.check.Severity;

/**
 * The built-in checks under {@code petition.checks}, each with {@code enabled} and its limits, windows and
 * severity; the defaults are core's. {@link PetitionChecksMapper} builds each check through its public builder,
 * naming the property in every error. Checks the application adds as beans run after these.
 */
public class PetitionCheckProperties {

  private final RateLimit rateLimit = new RateLimit();
  private final Surge surge = new Surge();
  private final BotSignals botSignals = new BotSignals();
  private final DisposableDomains disposableDomains = new DisposableDomains();
  private final Content content = new Content();

  public RateLimit getRateLimit() {
    return rateLimit;
  }

  public Surge getSurge() {
    return surge;
  }

  public BotSignals getBotSignals() {
    return botSignals;
  }

  public DisposableDomains getDisposableDomains() {
    return disposableDomains;
  }

  public Content getContent() {
    return content;
  }

  /** Per-petition sliding windows per IP address, per network (IPv4 /24, IPv6 /64) and per email domain; beyond one, the signing is answered 429 with Retry-After. */
  public static class RateLimit {

    /** Whether signings are rate limited at all. */
    private boolean enabled = true;

    /** Per IP address, the short window: 1 signing per 60 seconds by default. Behind a proxy set petition.web.trusted-proxies, or every signer shares the proxy's address. */
    private final Limit ipBurst = new Limit(1, Duration.ofSeconds(60));

    /** Per IP address, the long window: 5 signings per 5 minutes by default. */
    private final Limit ipSustained = new Limit(5, Duration.ofMinutes(5));

    /** Whether networks are limited too (off for sites whose signers share a few networks: one campus, carrier-grade NAT). */
    private boolean networkLimits = true;

    /** Per network, the short window: 20 per minute by default. */
    private final Limit networkBurst = new Limit(20, Duration.ofMinutes(1));

    /** Per network, the long window: 100 per hour by default. */
    private final Limit networkSustained = new Limit(100, Duration.ofHours(1));

    /** Per email domain (the big mail providers exempt): a count of 0, the default, means no domain limit. */
    private final Limit domain = new Limit(0, Duration.ofHours(1));

    /** Domains never limited per domain, beside the big mail providers (gmail.com, naver.com, ...). */
    private List<String> exemptDomains = new ArrayList<>();

    /** The most addresses, networks and domains each remembered at once (the least used are forgotten first). */
    private int maximumKeys = 100_000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Limit getIpBurst() {
      return ipBurst;
    }

    public Limit getIpSustained() {
      return ipSustained;
    }

    public boolean isNetworkLimits() {
      return networkLimits;
    }

    public void setNetworkLimits(boolean networkLimits) {
      this.networkLimits = networkLimits;
    }

    public Limit getNetworkBurst() {
      return networkBurst;
    }

    public Limit getNetworkSustained() {
      return networkSustained;
    }

    public Limit getDomain() {
      return domain;
    }

    public List<String> getExemptDomains() {
      return exemptDomains;
    }

    public void setExemptDomains(List<String> exemptDomains) {
      this.exemptDomains = exemptDomains;
    }

    public int getMaximumKeys() {
      return maximumKeys;
    }

    public void setMaximumKeys(int maximumKeys) {
      this.maximumKeys = maximumKeys;
    }
  }

  /** At most {@code count} signings per {@code window}. */
  public static class Limit {

    public Limit() {}

    Limit(int count, Duration window) {
      this.count = count;
      this.window = window;
    }

    /** How many signings the window admits. */
    private int count = 1;

    /** The sliding window. */
    private Duration window = Duration.ofMinutes(1);

    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      this.count = count;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }
  }

  /** Surges: many signings from one source (network, domain) within a window raise a Surge event and, past the hold threshold, hold signings for a moderator. */
  public static class Surge {

    /** Whether surges are detected at all. */
    private boolean enabled = true;

    /** The rolling window counted, a second to a week. */
    private Duration window = Duration.ofHours(1);

    /** How many signings from one source in the window make a surge. */
    private int threshold = 100;

    /** From how many signings of one source in the window each further one is held for review (surge.hold, HIGH); 0, the default, holds none. */
    private int holdThreshold = 0;

    /** Domains never counted as a domain surge, beside the big mail providers. */
    private List<String> exemptDomains = new ArrayList<>();

    /** The most sources remembered at once. */
    private int maximumKeys = 100_000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }

    public int getThreshold() {
      return threshold;
    }

    public void setThreshold(int threshold) {
      this.threshold = threshold;
    }

    public int getHoldThreshold() {
      return holdThreshold;
    }

    public void setHoldThreshold(int holdThreshold) {
      this.holdThreshold = holdThreshold;
    }

    public List<String> getExemptDomains() {
      return exemptDomains;
    }

    public void setExemptDomains(List<String> exemptDomains) {
      this.exemptDomains = exemptDomains;
    }

    public int getMaximumKeys() {
      return maximumKeys;
    }

    public void setMaximumKeys(int maximumKeys) {
      this.maximumKeys = maximumKeys;
    }
  }

  /** Bot signals: the honeypot field filled, the form sent faster than a person types, its time from the future. */
  public static class BotSignals {

    /** Whether bot signals are checked at all. */
    private boolean enabled = true;

    /** The least time a person needs to fill in the form (3s by default); a form sent sooner is bot.too_fast and held. Zero turns the timing check off. */
    private Duration minimumFillTime = BotSignalsCheck.DEFAULT_MINIMUM_FILL_TIME;

    /** How far the form's time may be ahead of the server's (1m by default) before it is bot.clock. */
    private Duration clockTolerance = BotSignalsCheck.DEFAULT_CLOCK_TOLERANCE;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getMinimumFillTime() {
      return minimumFillTime;
    }

    public void setMinimumFillTime(Duration minimumFillTime) {
      this.minimumFillTime = minimumFillTime;
    }

    public Duration getClockTolerance() {
      return clockTolerance;
    }

    public void setClockTolerance(Duration clockTolerance) {
      this.clockTolerance = clockTolerance;
    }
  }

  /** Disposable (throw-away) email domains, from the bundled list. */
  public static class DisposableDomains {

    /** Whether disposable email domains are flagged at all. */
    private boolean enabled = true;

    /** The severity of a disposable domain's finding: HIGH (the default) holds the signing for review, CRITICAL refuses it, MEDIUM or LOW only records it. */
    private Severity severity = Severity.HIGH;

    /** Domains flagged beside the bundled list (a name ending in .* matches under any top-level domain). */
    private List<String> additionalDomains = new ArrayList<>();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Severity getSeverity() {
      return severity;
    }

    public void setSeverity(Severity severity) {
      this.severity = severity;
    }

    public List<String> getAdditionalDomains() {
      return additionalDomains;
    }

    public void setAdditionalDomains(List<String> additionalDomains) {
      this.additionalDomains = additionalDomains;
    }
  }

  /** Content: links, abusive terms, mojibake, shouting and gibberish names in what signers write. */
  public static class Content {

    /** Whether content is checked at all. */
    private boolean enabled = true;

    /** Abusive terms flagged beside the bundled lists. */
    private List<String> additionalAbuseTerms = new ArrayList<>();

    /**
     * Severity of profanity in a comment that addresses no one ("holy shit"): LOW publishes the comment,
     * MEDIUM hides it; profanity never holds a signature.
     */
    private Severity untargetedProfanity = Severity.LOW;

    /** Severity of an insult or of profanity addressed to someone ("fuck you"): LOW or MEDIUM (hides). */
    private Severity targetedProfanity = Severity.MEDIUM;

    /**
     * Spam-model score, between 0 and 1 exclusive, from which a comment is hidden as spam; unset uses the
     * built-in model's calibrated threshold.
     */
    private @Nullable Double spamThreshold;

    public Severity getUntargetedProfanity() {
      return untargetedProfanity;
    }

    public void setUntargetedProfanity(Severity untargetedProfanity) {
      this.untargetedProfanity = untargetedProfanity;
    }

    public Severity getTargetedProfanity() {
      return targetedProfanity;
    }

    public void setTargetedProfanity(Severity targetedProfanity) {
      this.targetedProfanity = targetedProfanity;
    }

    public @Nullable Double getSpamThreshold() {
      return spamThreshold;
    }

    public void setSpamThreshold(@Nullable Double spamThreshold) {
      this.spamThreshold = spamThreshold;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public List<String> getAdditionalAbuseTerms() {
      return additionalAbuseTerms;
    }

    public void setAdditionalAbuseTerms(List<String> additionalAbuseTerms) {
      this.additionalAbuseTerms = additionalAbuseTerms;
    }
  }
}
