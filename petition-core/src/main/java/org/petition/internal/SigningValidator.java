package org.petition.internal;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.RequestContext;
import org.petition.SignatureRequest;
import org.petition.SignerKind;
import org.petition.SigningLimits;
import org.petition.Violation;
import org.petition.identity.IpAddresses;
import org.petition.identity.PhoneNormalizer;
import org.petition.identity.PhoneResult;
import org.petition.identity.TextNormalizer;
import org.petition.identity.TextResult;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.ConsentGrant;

/**
 * Normalises and validates every field of a signing, collecting one violation per field and rule. Never
 * throws for bad input and never echoes a personal value in a message.
 */
public final class SigningValidator {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final SigningLimits limits;
  // The last petition's grants when every document is accepted; a race only recomputes the same list.
  private volatile @Nullable AllGranted allGranted;

  public SigningValidator(SigningLimits limits) {
    this.limits = limits;
  }

  /** The outcome: a valid signing ({@link ValidSigning} itself), or the violations. */
  public sealed interface Outcome permits ValidSigning, Outcome.Invalid {
    record Invalid(List<Violation> violations) implements Outcome {}
  }

  public Outcome validate(Petition petition, SignatureRequest request, Instant now) {
    List<Violation> violations = new ArrayList<>(0); // no array until a violation is found
    SignerKind kind = request.kind() == null ? SignerKind.PERSON : request.kind();
    String firstName = null;
    String lastName = null;
    String organizationName = null;
    if (kind == SignerKind.PERSON) {
      firstName = line("firstName", request.firstName(), limits.maxNameLength(), true, violations);
      lastName = line("lastName", request.lastName(), limits.maxNameLength(), false, violations);
    } else {
      organizationName = line("organizationName", request.organizationName(), limits.maxOrganizationNameLength(),
          true, violations);
    }
    String nickname = line("nickname", request.nickname(), limits.maxNicknameLength(), false, violations);
    String city = line("city", request.city(), limits.maxCityLength(), false, violations);
    String affiliation = line("affiliation", request.affiliation(), limits.maxAffiliationLength(), false, violations);
    String comment = multiline("comment", request.comment(), limits.maxCommentLength(), violations);
    String letter = letter(petition, request.letter(), violations);
    String email = email(request.email(), violations);
    String country = country(request.country(), violations);
    String phone = null;
    if (request.phone() != null && !request.phone().isBlank()) {
      PhoneResult result = PhoneNormalizer.normalize(request.phone(), country);
      if (result instanceof PhoneResult.Valid valid) {
        phone = valid.e164();
        if (country == null) {
          country = valid.region();
        }
      } else if (result instanceof PhoneResult.Invalid invalid) {
        violations.add(new Violation("phone", invalid.code(), phoneMessage(invalid.code())));
      }
    }
    List<ConsentGrant> consents = consents(petition, request.consents(), violations);
    RequestContext context = request.context();
    InetAddress ip = null;
    if (context.ip() != null && !context.ip().isBlank()) {
      Optional<InetAddress> parsed = IpAddresses.parse(context.ip());
      if (parsed.isEmpty()) {
        violations.add(new Violation("ip", "ip.invalid", "the client address is not an IPv4 or IPv6 address"));
      } else {
        ip = parsed.get();
      }
    }
    if (!violations.isEmpty() || email == null) { // a missing email is a violation
      return new Outcome.Invalid(violations);
    }
    Locale locale = context.locale() == null ? Locale.ENGLISH : context.locale();
    String honeypot = context.honeypot() == null || context.honeypot().isEmpty() ? null : context.honeypot();
    return new ValidSigning(petition, kind, firstName, lastName, organizationName, nickname,
        email, phone, country, city, affiliation, comment, consents, ip, truncate(context.userAgent(), 512),
        context.receivedAt() == null ? now : context.receivedAt(), context.formRenderedAt(), honeypot,
        truncate(context.formId(), 64), locale, letter);
  }

  // A letter only where the petition invites one, within its limit; blank is no letter.
  private static @Nullable String letter(Petition petition, @Nullable String raw, List<Violation> violations) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!petition.invitesLetters()) {
      violations.add(new Violation("letter", "letter.not_invited",
          "letter is not accepted: this petition does not invite letters to its target"));
      return null;
    }
    return multiline("letter", raw, petition.letterLimit(), violations);
  }

  private static @Nullable String line(
      String field, @Nullable String raw, int max, boolean required, List<Violation> violations) {
    return text(field, TextNormalizer.normalizeLine(raw, max), max, required, violations);
  }

  private static @Nullable String multiline(String field, @Nullable String raw, int max, List<Violation> violations) {
    return text(field, TextNormalizer.normalizeMultiline(raw, max), max, false, violations);
  }

  private static @Nullable String text(
      String field, TextResult result, int max, boolean required, List<Violation> violations) {
    if (result instanceof TextResult.Ok ok) {
      if (onlyMarks(ok.text())) {
        violations.add(new Violation(field, "field.invalid_characters",
            field + " holds only combining marks, no letters or symbols they could combine with"));
        return null;
      }
      return ok.text();
    }
    if (result instanceof TextResult.Invalid invalid) {
      violations.add(new Violation(field, invalid.code(), textMessage(field, invalid.code(), max)));
    } else if (required) {
      violations.add(new Violation(field, "field.required", field + " is required"));
    }
    return null;
  }

  /** Zalgo without a base: marks stacked on nothing render as noise over neighbouring text. */
  private static boolean onlyMarks(String text) {
    char first = text.charAt(0);
    if (first < 0x300) {
      return false;
    }
    // A loop rather than codePoints().allMatch: the stream allocated on every non-Latin name.
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!(cp == ' ' || cp == '\n' || isMark(cp))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static String textMessage(String field, String code, int max) {
    return switch (code) {
      case "field.too_long" -> field + " must be at most " + max + " characters";
      case "field.invalid_characters" ->
          field + " contains control characters, unpaired surrogates or other characters that are not text";
      default -> field + " is not acceptable (" + code + ")";
    };
  }

  static @Nullable String email(@Nullable String raw, List<Violation> violations) {
    if (raw == null || raw.isBlank()) {
      violations.add(new Violation("email", "field.required", "email is required"));
      return null;
    }
    String email = Emails.normalise(raw);
    if (email == null || email.length() > Emails.MAX_LENGTH) {
      violations.add(new Violation("email", "field.too_long", "email must be at most 254 characters"));
      return null;
    }
    EmailRefusal refusal = Emails.refusal(email);
    if (refusal != null) {
      violations.add(new Violation("email", refusal.code(), refusal.message()));
      return null;
    }
    return email;
  }

  private static @Nullable String country(@Nullable String raw, List<Violation> violations) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String country = raw.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(country)) {
      violations.add(new Violation("country", "country.invalid", "country must be an ISO 3166-1 alpha-2 code"));
      return null;
    }
    return country;
  }

  private static String phoneMessage(String code) {
    return switch (code) {
      case "phone.wrong_country" -> "phone is a number of another country than the one given";
      default -> "phone is not a valid phone number";
    };
  }

  private List<ConsentGrant> consents(Petition petition, Set<String> accepted, List<Violation> violations) {
    // Most signers accept every document: they share one list of grants, so stores intern it by identity.
    AllGranted all = allGranted;
    if (all == null || all.documents != petition.consents()) {
      // List.copyOf: a list that refuses nulls, which NewSignature's List.copyOf keeps as it is (a stream's
      // toList() would be copied again on every signing).
      all = new AllGranted(petition.consents(),
          List.copyOf(petition.consents().stream().map(ConsentGrant::of).toList()));
      allGranted = all;
    }
    if (accepted.size() >= all.documents.size() && acceptsAll(all.documents, accepted)) {
      return all.grants;
    }
    List<ConsentGrant> grants = new ArrayList<>(petition.consents().size());
    for (ConsentDocument document : petition.consents()) {
      if (accepted.contains(document.id())) {
        grants.add(ConsentGrant.of(document));
      } else if (document.required()) {
        violations.add(new Violation("consents", "consent.missing",
            "the consent '" + document.id() + "' (version " + document.version() + ") must be accepted"));
      }
    }
    return grants;
  }

  private static boolean acceptsAll(List<ConsentDocument> documents, Set<String> accepted) {
    for (ConsentDocument document : documents) {
      if (!accepted.contains(document.id())) {
        return false;
      }
    }
    return true;
  }

  private record AllGranted(List<ConsentDocument> documents, List<ConsentGrant> grants) {}

  private static @Nullable String truncate(@Nullable String value, int max) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max);
  }
}
