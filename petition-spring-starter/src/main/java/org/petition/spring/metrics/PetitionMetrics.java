package org.petition.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.check.Verdict;
import org.petition.event.PetitionEvent;
import org.petition.event.Subscription;
import org.petition.spring.mail.MailOutbox;
import org.springframework.beans.factory.DisposableBean;

/**
 * Meters fed by a {@link Petitions}' events. Tags are petition slugs, outcomes and stable reason codes,
 * never anything a signer typed.
 *
 * <ul>
 *   <li>{@code petition.signings} (outcome: pending, held, duplicate, refused, dropped; reason: the first
 *       finding or violation code, or none)
 *   <li>{@code petition.confirmations} (outcome: counted, held)
 *   <li>{@code petition.confirmation.delay}, the time from signing to confirmation, with a histogram
 *   <li>{@code petition.revocations} (counted: whether the signature had counted), {@code petition.expirations},
 *       {@code petition.milestones} (scope: total, country)
 *   <li>{@code petition.count}, a gauge of each petition's confirmed, counted signatures (read from the store when
 *       scraped), for every petition known at start-up or signed since
 *   <li>{@code petition.mail.outbox.waiting}, {@code petition.mail.outbox.failed} and {@code
 *       petition.mail.outbox.refused} (refused when full), when mail goes
 *       through an outbox
 * </ul>
 */
public final class PetitionMetrics implements DisposableBean {

  private final MeterRegistry registry;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final Petitions petitions;
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  public PetitionMetrics(Petitions petitions, MeterRegistry registry, @Nullable MailOutbox outbox) {
    this.registry = Objects.requireNonNull(registry, "registry must not be null");
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    petitions.petitions().forEach(petition -> countGauge(petition.slug()));
    subscriptions.add(petitions.events().onSigned(this::signed));
    subscriptions.add(petitions.events().onRefused(this::refused));
    subscriptions.add(petitions.events().subscribe(PetitionEvent.Duplicate.class,
        e -> signing(e.petition(), "duplicate", "none")));
    subscriptions.add(petitions.events().onConfirmed(this::confirmed));
    subscriptions.add(petitions.events().onRevoked(e -> Counter.builder("petition.revocations")
        .description("Signatures revoked, erased or removed")
        .tag("petition", e.petition()).tag("counted", String.valueOf(e.wasCounted()))
        .register(registry).increment()));
    subscriptions.add(petitions.events().onExpired(e -> Counter.builder("petition.expirations")
        .description("Unconfirmed signatures purged after the pending TTL")
        .tag("petition", e.petition()).register(registry).increment()));
    subscriptions.add(petitions.events().onMilestone(e -> Counter.builder("petition.milestones")
        .description("Milestones reached")
        .tag("petition", e.petition()).tag("scope", e.country() == null ? "total" : "country")
        .register(registry).increment()));
    if (outbox != null) {
      Gauge.builder("petition.mail.outbox.waiting", outbox, o -> o.backlog().waiting())
          .description("Messages waiting in the mail outbox").register(registry);
      Gauge.builder("petition.mail.outbox.failed", outbox, o -> o.backlog().failed())
          .description("Messages given up on, kept for inspection").register(registry);
      Gauge.builder("petition.mail.outbox.refused", outbox, MailOutbox::refusedWhenFull)
          .description("Messages a full (bounded, in-memory) outbox refused since start").register(registry);
    }
  }

  private void signed(PetitionEvent.Signed event) {
    String outcome = event.verdict() == Verdict.HOLD ? "held" : "pending";
    signing(event.petition(), outcome, event.findingCodes().isEmpty() ? "none" : event.findingCodes().get(0));
  }

  private void refused(PetitionEvent.Refused event) {
    signing(event.petition(), event.silent() ? "dropped" : "refused",
        event.codes().isEmpty() ? "none" : event.codes().get(0));
  }

  /** The gauge of a petition's count, registered once per petition. */
  private void countGauge(String slug) {
    if (counted.add(slug)) {
      Gauge.builder("petition.count", petitions, p -> p.tally(slug).map(tally -> (double) tally.confirmed())
              .orElse(Double.NaN))
          .description("Confirmed signatures that count, per petition").tag("petition", slug).register(registry);
      // Invitations in aggregate only (issue 20): sent, and the signatures through their links that count.
      Gauge.builder("petition.invitations.sent", petitions, p -> p.invitations().stats(slug)
              .map(stats -> (double) stats.sent()).orElse(Double.NaN))
          .description("Invitations sent, per petition").tag("petition", slug).register(registry);
      Gauge.builder("petition.invitations.signatures", petitions, p -> p.invitations().stats(slug)
              .map(stats -> (double) stats.signatures()).orElse(Double.NaN))
          .description("Signatures through an invitation's link that count, per petition").tag("petition", slug)
          .register(registry);
    }
  }

  private void signing(String petition, String outcome, String reason) {
    countGauge(petition);
    Counter.builder("petition.signings")
        .description("Signings taken, by outcome and reason code")
        .tag("petition", petition).tag("outcome", outcome).tag("reason", reason)
        .register(registry).increment();
  }

  private void confirmed(PetitionEvent.Confirmed event) {
    Counter.builder("petition.confirmations")
        .description("Signatures confirmed by the owner of the email")
        .tag("petition", event.petition()).tag("outcome", event.number() > 0 ? "counted" : "held")
        .register(registry).increment();
    Timer.builder("petition.confirmation.delay")
        .description("Time from signing to confirmation")
        .tag("petition", event.petition())
        .publishPercentileHistogram()
        .register(registry).record(event.delay());
  }

  @Override
  public void destroy() {
    subscriptions.forEach(Subscription::close);
  }
}
