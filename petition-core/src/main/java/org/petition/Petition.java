package org.petition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.petition.internal.Slugs;
import org.petition.privacy.ConsentDocument;
import org.petition.privacy.DisplayNamePolicy;

/**
 * A petition: what is asked, of whom, how many signatures it aims for, until when, and which texts a
 * signer must accept. Immutable; build one with {@link #builder(String)}.
 *
 * @param slug the URL id, 1-64 of {@code [a-z0-9-]}
 * @param title the title
 * @param text the full text
 * @param target whom the petition addresses, such as "U.S. Government"
 * @param author who started it
 * @param category a free category, such as "Business and Companies"
 * @param tags free tags
 * @param goal the total goal, 0 when there is none
 * @param goalsByCountry goals per ISO 3166-1 alpha-2 country code (upper-case), such as US 200 and KR 1000
 * @param opensAt when signing opens, or {@code null} for at once
 * @param closesAt when signing closes, or {@code null} for never
 * @param consents the documents a signer is shown; the required ones must be accepted
 * @param displayNamePolicy how signer names are shown in public
 * @param noindex whether listing pages of this petition ask search engines not to index them
 * @param signaturesPerEmail how many signatures one canonical email may give (1 = strict; more allows a
 *     household sharing an address, each with a different name)
 * @param erasedSignaturesCount whether a signature whose owner asked for erasure still counts as an
 *     anonymous tally
 * @param photos whether a signing may carry a photo, and whether it waits for a moderator
 * @param letterLimit the longest personal letter to the target a signer may add, in characters (code points);
 *     0 when the petition does not invite letters. Letters are sealed with the personal data, never shown in
 *     public, and delivered in the {@link ExportLevel#TARGET} export
 */
public record Petition(
    String slug,
    String title,
    String text,
    String target,
    String author,
    String category,
    List<String> tags,
    long goal,
    Map<String, Long> goalsByCountry,
    @Nullable Instant opensAt,
    @Nullable Instant closesAt,
    List<ConsentDocument> consents,
    DisplayNamePolicy displayNamePolicy,
    boolean noindex,
    int signaturesPerEmail,
    boolean erasedSignaturesCount,
    PhotoPolicy photos,
    int letterLimit) {

  /** The letter limit {@link Builder#letters(boolean)} sets: the White House's online correspondence limit. */
  public static final int DEFAULT_LETTER_LIMIT = 2_500;

  /** The highest letter limit a petition may set. */
  public static final int MAX_LETTER_LIMIT = 20_000;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public Petition {
    Objects.requireNonNull(slug, "slug must not be null");
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(target, "target must not be null");
    Objects.requireNonNull(author, "author must not be null");
    Objects.requireNonNull(category, "category must not be null");
    Objects.requireNonNull(displayNamePolicy, "displayNamePolicy must not be null");
    Objects.requireNonNull(photos, "photos must not be null");
    if (!Slugs.isSlug(slug)) {
      throw new IllegalArgumentException("slug must be 1-64 of [a-z0-9-], not starting or ending with '-': " + slug);
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    if (goal < 0) {
      throw new IllegalArgumentException("goal must not be negative");
    }
    if (signaturesPerEmail < 1) {
      throw new IllegalArgumentException("signaturesPerEmail must be at least 1");
    }
    if (letterLimit < 0 || letterLimit > MAX_LETTER_LIMIT) {
      throw new IllegalArgumentException("letterLimit must be 0 (no letters) to " + MAX_LETTER_LIMIT + ": " + letterLimit);
    }
    if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
      throw new IllegalArgumentException("closesAt must be after opensAt");
    }
    tags = List.copyOf(tags);
    consents = List.copyOf(consents);
    Map<String, Long> goals = new LinkedHashMap<>();
    goalsByCountry.forEach(
        (country, countryGoal) -> {
          if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("goalsByCountry key must be an ISO 3166-1 alpha-2 code: " + country);
          }
          if (countryGoal == null || countryGoal < 1) {
            throw new IllegalArgumentException("goal for " + country + " must be positive");
          }
          goals.put(country, countryGoal);
        });
    goalsByCountry = Map.copyOf(goals);
    Set<String> ids = new java.util.HashSet<>();
    for (ConsentDocument document : consents) {
      if (!ids.add(document.id())) {
        throw new IllegalArgumentException("consent document ids must be unique: " + document.id());
      }
    }
  }

  /** A petition that does not invite letters (the form before letters existed). */
  public Petition(String slug, String title, String text, String target, String author, String category,
      List<String> tags, long goal, Map<String, Long> goalsByCountry, @Nullable Instant opensAt,
      @Nullable Instant closesAt, List<ConsentDocument> consents, DisplayNamePolicy displayNamePolicy,
      boolean noindex, int signaturesPerEmail, boolean erasedSignaturesCount) {
    this(slug, title, text, target, author, category, tags, goal, goalsByCountry, opensAt, closesAt, consents,
        displayNamePolicy, noindex, signaturesPerEmail, erasedSignaturesCount, PhotoPolicy.NOT_ACCEPTED, 0);
  }

  /** Whether signers are invited to add a personal letter to the target ({@link #letterLimit()} above 0). */
  public boolean invitesLetters() {
    return letterLimit > 0;
  }

  /** A builder for a petition with the given slug. */
  public static Builder builder(String slug) {
    return new Builder(slug);
  }

  /** Whether signing is open at {@code now}. */
  public boolean isOpenAt(Instant now) {
    return (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
  }

  /** The required consent documents. */
  public List<ConsentDocument> requiredConsents() {
    return consents.stream().filter(ConsentDocument::required).toList();
  }

  /** A builder of {@link Petition}; every setter checks its argument. */
  public static final class Builder {
    private final String slug;
    private String title = "";
    private String text = "";
    private String target = "";
    private String author = "";
    private String category = "";
    private final List<String> tags = new ArrayList<>();
    private long goal;
    private final Map<String, Long> goalsByCountry = new LinkedHashMap<>();
    private @Nullable Instant opensAt;
    private @Nullable Instant closesAt;
    private final List<ConsentDocument> consents = new ArrayList<>();
    private DisplayNamePolicy displayNamePolicy = DisplayNamePolicy.FIRST_NAME_LAST_INITIAL;
    private boolean noindex;
    private int signaturesPerEmail = 1;
    private boolean erasedSignaturesCount;
    private PhotoPolicy photos = PhotoPolicy.NOT_ACCEPTED;
    private int letterLimit;

    private Builder(String slug) {
      this.slug = Objects.requireNonNull(slug, "slug must not be null");
    }

    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title must not be null");
      return this;
    }

    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text must not be null");
      return this;
    }

    public Builder target(String target) {
      this.target = Objects.requireNonNull(target, "target must not be null");
      return this;
    }

    public Builder author(String author) {
      this.author = Objects.requireNonNull(author, "author must not be null");
      return this;
    }

    public Builder category(String category) {
      this.category = Objects.requireNonNull(category, "category must not be null");
      return this;
    }

    public Builder tag(String tag) {
      tags.add(Objects.requireNonNull(tag, "tag must not be null"));
      return this;
    }

    public Builder goal(long goal) {
      if (goal < 0) {
        throw new IllegalArgumentException("goal must not be negative");
      }
      this.goal = goal;
      return this;
    }

    /** Adds a goal for one country, by ISO 3166-1 alpha-2 code (any case). */
    public Builder goal(String country, long goal) {
      Objects.requireNonNull(country, "country must not be null");
      if (goal < 1) {
        throw new IllegalArgumentException("country goal must be positive");
      }
      goalsByCountry.put(country.toUpperCase(Locale.ROOT), goal);
      return this;
    }

    public Builder opensAt(@Nullable Instant opensAt) {
      this.opensAt = opensAt;
      return this;
    }

    public Builder closesAt(@Nullable Instant closesAt) {
      this.closesAt = closesAt;
      return this;
    }

    public Builder consent(ConsentDocument document) {
      consents.add(Objects.requireNonNull(document, "consent document must not be null"));
      return this;
    }

    public Builder displayNamePolicy(DisplayNamePolicy policy) {
      this.displayNamePolicy = Objects.requireNonNull(policy, "display name policy must not be null");
      return this;
    }

    public Builder noindex(boolean noindex) {
      this.noindex = noindex;
      return this;
    }

    public Builder signaturesPerEmail(int signaturesPerEmail) {
      if (signaturesPerEmail < 1) {
        throw new IllegalArgumentException("signaturesPerEmail must be at least 1");
      }
      this.signaturesPerEmail = signaturesPerEmail;
      return this;
    }

    public Builder erasedSignaturesCount(boolean erasedSignaturesCount) {
      this.erasedSignaturesCount = erasedSignaturesCount;
      return this;
    }

    /**
     * Whether a signing may carry a photo ({@link PhotoPolicy#NOT_ACCEPTED} by default); {@link
     * PhotoPolicy#HELD} holds each photo for a moderator.
     */
    public Builder photos(PhotoPolicy photos) {
      this.photos = Objects.requireNonNull(photos, "photo policy must not be null");
      return this;
    }

    /**
     * Invites each signer to add a personal letter to the target of up to {@link #DEFAULT_LETTER_LIMIT}
     * characters ({@code true}), or not ({@code false}, the default).
     */
    public Builder letters(boolean invited) {
      this.letterLimit = invited ? DEFAULT_LETTER_LIMIT : 0;
      return this;
    }

    /**
     * Invites letters of up to {@code limit} characters (code points), 1 to {@link #MAX_LETTER_LIMIT}; 0 invites
     * none.
     */
    public Builder letterLimit(int limit) {
      if (limit < 0 || limit > MAX_LETTER_LIMIT) {
        throw new IllegalArgumentException("letter limit must be 0 (no letters) to " + MAX_LETTER_LIMIT
            + " characters: " + limit);
      }
      this.letterLimit = limit;
      return this;
    }

    public Petition build() {
      return new Petition(
          slug, title, text, target, author, category, tags, goal, goalsByCountry, opensAt, closesAt,
          consents, displayNamePolicy, noindex, signaturesPerEmail, erasedSignaturesCount, photos, letterLimit);
    }
  }
}
