package org.petition.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.SignatureRequest;
import org.petition.Violation;

/** The first stage of a signing: the petition exists and is open, and every field is valid. */
public final class Admission {

  private final Function<String, Optional<Petition>> petitions;
  private final SigningValidator validator;

  public Admission(Function<String, Optional<Petition>> petitions, SigningValidator validator) {
    this.petitions = petitions;
    this.validator = validator;
  }

  /** Admitted (the {@link ValidSigning} itself), or refused. */
  public sealed interface Outcome permits ValidSigning, Refused {}

  /** Refused before any check ran, naming the petition asked for. */
  public record Refused(@Nullable String petition, List<Violation> violations) implements Outcome {}

  public Outcome admit(SignatureRequest request, Instant now) {
    Optional<Petition> found = petitions.apply(request.petition());
    if (found.isEmpty()) {
      return new Refused(request.petition(), List.of(new Violation("petition", "petition.unknown", "no petition has this id")));
    }
    Petition petition = found.get();
    if (!petition.isOpenAt(now)) {
      return new Refused(petition.slug(), List.of(petition.opensAt() != null && now.isBefore(petition.opensAt())
          ? new Violation("petition", "petition.not_open", "the petition is not open yet")
          : new Violation("petition", "petition.closed", "the petition is closed to signing")));
    }
    SigningValidator.Outcome outcome = validator.validate(petition, request, now);
    if (outcome instanceof SigningValidator.Outcome.Invalid invalid) {
      return new Refused(petition.slug(), invalid.violations());
    }
    return (ValidSigning) outcome;
  }
}
