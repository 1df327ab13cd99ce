package org.petition.spring.moderation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.check.Finding;
import org.petition.moderation.HeldSignature;
import org.petition.store.ModerationAction;

/** The JSON the moderation API reads and writes: records with fixed field names. */
public final class ModerationBodies {

  private ModerationBodies() {}

  /** An answer with a status only, such as {@code NOT_FOUND}. */
  public record Status(String status) {}

  /** A refused request: each field at fault and its rule. */
  public record Rejected(String status, List<FieldError> errors) {
    static Rejected of(String field, String code, String message) {
      return new Rejected("REJECTED", List.of(new FieldError(field, code, message)));
    }
  }

  /** One field at fault. */
  public record FieldError(String field, String code, String message) {}

  /** Why a moderator decides: {@code POST .../approve}, {@code .../remove}. */
  public record Decision(@Nullable String reason) {}

  /**
   * A bulk removal's criteria (at least one), its reason, and whether it is only a dry run that counts.
   *
   * @param signedFrom ISO-8601 instant, inclusive
   * @param signedUntil ISO-8601 instant, exclusive
   * @param displayNamePattern a regular expression found anywhere in the public name
   */
  public record BulkRemoval(@Nullable String network, @Nullable String networkPrefix, @Nullable String emailDomain,
      @Nullable String country, @Nullable String displayNamePattern, @Nullable String signedFrom,
      @Nullable String signedUntil, @Nullable String reason, @Nullable Boolean dryRun) {

    /** Whether only to count: {@code dryRun} left out is a real removal (a missing boolean is not a malformed body). */
    boolean onlyCount() {
      return Boolean.TRUE.equals(dryRun);
    }
  }

  /** A held signature as moderators see it: no email, phone or full name. */
  public record Held(long id, String state, Instant signedAt, @Nullable String displayName, @Nullable String comment,
      @Nullable String affiliation, @Nullable String city, @Nullable String country, String kind,
      String emailDomain, @Nullable String network, List<HeldFinding> findings) {
    static Held of(HeldSignature held) {
      return new Held(held.id(), held.state().name(), held.signedAt(), held.displayName(), held.comment(),
          held.affiliation(), held.city(), held.country(), held.kind().name(), held.emailDomain(), held.network(),
          held.findings().stream().map(HeldFinding::of).toList());
    }
  }

  /** What a check found. */
  public record HeldFinding(String code, String severity, String field, String explanation, boolean fraud) {
    static HeldFinding of(Finding finding) {
      return new HeldFinding(finding.code(), finding.severity().name(), finding.field(), finding.explanation(),
          finding.fraud());
    }
  }

  /** The held signatures of a petition, and the id to ask after for more ({@code null}: no more). */
  public record HeldPage(List<Held> items, @Nullable Long next) {}

  /** An approval done. */
  public record Approved(String status, long signatureId) {}

  /** A removal or bulk removal done, with the log entry that undoes it. */
  public record Removed(String status, long actionId, int removed, int uncounted) {}

  /** What a bulk removal would remove: its dry run. */
  public record DryRun(String status, int matching, String criteria) {}

  /** An undo done. */
  public record Restored(String status, int restored) {}

  /** One recorded decision. */
  public record LogEntry(long id, String kind, String moderator, String reason, @Nullable String criteria,
      List<Long> signatureIds, Instant at, @Nullable Instant undoneAt, @Nullable String undoneBy) {
    static LogEntry of(ModerationAction action) {
      return new LogEntry(action.id(), action.kind().name(), action.moderator(), action.reason(), action.criteria(),
          action.signatureIds(), action.at(), action.undoneAt(), action.undoneBy());
    }
  }

}
