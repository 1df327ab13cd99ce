package org.petition.spring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.petition.PhotoPolicy;
import org.petition.privacy.ConsentPurpose;
import org.petition.privacy.DisplayNamePolicy;

/**
 * A petition registered at start-up (created, or its definition replaced; signatures are kept).
 *
 * <p>One element of {@code petition.petitions[*]} ({@link PetitionProperties#getPetitions()}), with its
 * {@code consents[*]}.
 */
public class PetitionDefinitionProperties {

  /** The URL id, 1-64 of [a-z0-9-]. */
  private @Nullable String slug;

  /** The title. */
  private @Nullable String title;

  /** The full text. */
  private String text = "";

  /** Whom the petition addresses, such as "U.S. Government". */
  private String target = "";

  /** Who started it. */
  private String author = "";

  /** A free category. */
  private String category = "";

  /** Free tags. */
  private List<String> tags = new ArrayList<>();

  /** The total goal; 0 for none. */
  private long goal;

  /** Goals per ISO 3166-1 alpha-2 country code, such as US=200 and KR=1000. */
  private Map<String, Long> goalsByCountry = new LinkedHashMap<>();

  /** When signing opens (ISO-8601 instant); unset for at once. */
  private @Nullable Instant opensAt;

  /** When signing closes (ISO-8601 instant); unset for never. */
  private @Nullable Instant closesAt;

  /** The documents a signer is shown and must accept when required. */
  private List<Consent> consents = new ArrayList<>();

  /** How signer names are shown in public. */
  private DisplayNamePolicy displayNamePolicy = DisplayNamePolicy.FIRST_NAME_LAST_INITIAL;

  /** Whether listing pages ask search engines not to index them. */
  private boolean noindex;

  /** How many signatures one email may give (more than 1 lets a household share an address). */
  private int signaturesPerEmail = 1;

  /** Whether a signature erased at its owner's request still counts as an anonymous tally. */
  private boolean erasedSignaturesCount;

  /**
   * Whether a signing may carry a photo (a photo campaign): NOT_ACCEPTED (default), HELD (each photo waits for
   * a moderator), or PUBLISHED (public at once once the signature counts).
   */
  private PhotoPolicy photos = PhotoPolicy.NOT_ACCEPTED;

  public PhotoPolicy getPhotos() {
    return photos;
  }

  public void setPhotos(PhotoPolicy photos) {
    this.photos = photos;
  }

  /**
   * The longest personal letter to the target a signer may add, in characters: 0 (the default) invites no
   * letters; 2500 is the White House's online correspondence limit; at most 20000.
   */
  private int letterLimit;

  public @Nullable String getSlug() {
    return slug;
  }

  public void setSlug(@Nullable String slug) {
    this.slug = slug;
  }

  public @Nullable String getTitle() {
    return title;
  }

  public void setTitle(@Nullable String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public long getGoal() {
    return goal;
  }

  public void setGoal(long goal) {
    this.goal = goal;
  }

  public Map<String, Long> getGoalsByCountry() {
    return goalsByCountry;
  }

  public void setGoalsByCountry(Map<String, Long> goalsByCountry) {
    this.goalsByCountry = goalsByCountry;
  }

  public @Nullable Instant getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(@Nullable Instant opensAt) {
    this.opensAt = opensAt;
  }

  public @Nullable Instant getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(@Nullable Instant closesAt) {
    this.closesAt = closesAt;
  }

  public List<Consent> getConsents() {
    return consents;
  }

  public void setConsents(List<Consent> consents) {
    this.consents = consents;
  }

  public DisplayNamePolicy getDisplayNamePolicy() {
    return displayNamePolicy;
  }

  public void setDisplayNamePolicy(DisplayNamePolicy displayNamePolicy) {
    this.displayNamePolicy = displayNamePolicy;
  }

  public boolean isNoindex() {
    return noindex;
  }

  public void setNoindex(boolean noindex) {
    this.noindex = noindex;
  }

  public int getSignaturesPerEmail() {
    return signaturesPerEmail;
  }

  public void setSignaturesPerEmail(int signaturesPerEmail) {
    this.signaturesPerEmail = signaturesPerEmail;
  }

  public boolean isErasedSignaturesCount() {
    return erasedSignaturesCount;
  }

  public void setErasedSignaturesCount(boolean erasedSignaturesCount) {
    this.erasedSignaturesCount = erasedSignaturesCount;
  }

  public int getLetterLimit() {
    return letterLimit;
  }

  public void setLetterLimit(int letterLimit) {
    this.letterLimit = letterLimit;
  }

  /** A consent document; its hash is taken over the exact text shown to signers. */
  public static class Consent {

    /** The id the form sends back, such as "terms". */
    private @Nullable String id;

    /** The version of the text, such as "2015-01". */
    private String version = "1";

    /** Why the consent is asked. */
    private ConsentPurpose purpose = ConsentPurpose.TERMS;

    /** The exact text shown to signers; its SHA-256 is kept with every consent given. */
    private @Nullable String text;

    /** Where the full document can be read, if anywhere. */
    private @Nullable String url;

    /** Whether signing is refused without it; by default, whether the purpose is usually required. */
    private @Nullable Boolean required;

    public @Nullable String getId() {
      return id;
    }

    public void setId(@Nullable String id) {
      this.id = id;
    }

    public String getVersion() {
      return version;
    }

    public void setVersion(String version) {
      this.version = version;
    }

    public ConsentPurpose getPurpose() {
      return purpose;
    }

    public void setPurpose(ConsentPurpose purpose) {
      this.purpose = purpose;
    }

    public @Nullable String getText() {
      return text;
    }

    public void setText(@Nullable String text) {
      this.text = text;
    }

    public @Nullable String getUrl() {
      return url;
    }

    public void setUrl(@Nullable String url) {
      this.url = url;
    }

    public @Nullable Boolean getRequired() {
      return required;
    }

    public void setRequired(@Nullable Boolean required) {
      this.required = required;
    }
  }
}
