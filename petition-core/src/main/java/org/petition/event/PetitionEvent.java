package org.petition.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.Surge;
import org.petition.check.Verdict;

/**
 * Something that happened to a petition. Events carry ids and counts, never personal data, so a listener
 * can log them freely.
 */
public sealed interface PetitionEvent {

  /** The petition's slug. */
  String petition();

  /** When it happened. */
  Instant at();

  /** A signing was taken and waits for confirmation (or was confirmed at once for a verified account). */
  record Signed(String petition, long signatureId, Verdict verdict, List<String> findingCodes, Instant at)
      implements PetitionEvent {
    public Signed {
      findingCodes = List.copyOf(findingCodes);
    }
  }

  /**
   * A signing was refused or dropped.
   *
   * @param codes the violation or finding codes behind the refusal
   * @param silent whether the signer was answered as if it had been accepted (silent fraud mode, honeypot)
   */
  record Refused(String petition, List<String> codes, boolean silent, Instant at) implements PetitionEvent {
    public Refused {
      codes = List.copyOf(codes);
    }
  }

  /** A repeated signing with an address (or phone) that had signed before: nothing new was stored. */
  record Duplicate(String petition, Instant at) implements PetitionEvent {}

  /**
   * A signature was confirmed by the owner of its email.
   *
   * @param number its number in counting order, 0 when held for review
   * @param country its country, or {@code null}
   * @param delay the time from signing to confirmation
   */
  record Confirmed(
      String petition, long signatureId, long number, @Nullable String country, Duration delay, Instant at)
      implements PetitionEvent {}

  /** A signature was revoked by its owner, erased, or removed by a moderator; counts were corrected. */
  record Revoked(String petition, long signatureId, boolean wasCounted, Instant at) implements PetitionEvent {}

  /** A pending signature was never confirmed and has been deleted. */
  record Expired(String petition, long signatureId, Instant at) implements PetitionEvent {}

  /**
   * A count reached a milestone.
   *
   * @param country the country for a country-goal milestone, {@code null} for the petition as a whole
   * @param percent the percent of the goal reached (25, 50, 75, 100), or 0 for a threshold milestone
   * @param count the count that reached it
   * @param within for a threshold milestone ("100,000 within 30 days"), the window; otherwise {@code null}
   */
  record MilestoneReached(
      String petition, @Nullable String country, int percent, long count, @Nullable Duration within, Instant at)
      implements PetitionEvent {}

  /**
   * Many signings of a petition came from one network or one email domain within the surge window: worth a
   * moderator's look (republished from every {@link org.petition.check.SurgeDetector} in the pipeline).
   */
  record SurgeDetected(String petition, Surge surge, Instant at) implements PetitionEvent {}
}
