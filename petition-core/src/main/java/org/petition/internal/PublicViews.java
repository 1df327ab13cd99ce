package org.petition.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.petition.CountryTally;
import org.petition.Petition;
import org.petition.PublicSignature;
import org.petition.SignaturePage;
import org.petition.SignerKind;
import org.petition.Tally;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;
import org.petition.store.Counts;
import org.petition.store.NewSignature;
import org.petition.store.SigningStore;
import org.petition.store.StoredSignature;

/** What the public sees: a petition's counter, and its latest counted signatures under its display policy. */
public final class PublicViews {

  public static final int MAX_PAGE = 100;

  private final SigningStore store;
  private final DisplayNames displayNames;

  public PublicViews(SigningStore store, DisplayNames displayNames) {
    this.store = store;
    this.displayNames = displayNames;
  }

  public Tally tally(Petition petition) {
    Counts counts = store.counts(petition.slug());
    Map<String, CountryTally> countries = new TreeMap<>();
    petition.goalsByCountry().forEach((country, goal) ->
        countries.put(country, new CountryTally(counts.byCountry().getOrDefault(country, 0L), goal)));
    counts.byCountry().forEach((country, count) ->
        countries.putIfAbsent(country, new CountryTally(count, 0)));
    return new Tally(petition.slug(), counts.total(), petition.goal(), countries);
  }

  public SignaturePage page(Petition petition, @Nullable SignerKind kind, @Nullable String cursor, int limit) {
    long before = checkPaging(cursor, limit);
    List<StoredSignature> rows = store.latest(petition.slug(), kind, before, limit + 1);
    List<PublicSignature> items = new ArrayList<>(Math.min(rows.size(), limit));
    for (int i = 0; i < rows.size() && i < limit; i++) {
      items.add(publicView(petition, rows.get(i)));
    }
    String next = rows.size() > limit ? PageCursor.encode(rows.get(limit - 1).number()) : null;
    // A page showing a signer who asked for privacy (a nickname) must not be indexed as a whole.
    boolean noindex = petition.noindex() || items.stream().anyMatch(PublicSignature::noindex);
    return new SignaturePage(items, next, noindex);
  }

  /**
   * Checks a page's arguments, whatever the petition.
   *
   * @return the cursor's position
   * @throws IllegalArgumentException for a limit out of 1 to 100 or a malformed cursor
   */
  public static long checkPaging(@Nullable String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    return PageCursor.decode(cursor);
  }

  private PublicSignature publicView(Petition petition, StoredSignature row) {
    NewSignature data = row.data();
    String name = data.displayName() == null || petition.displayNamePolicy() == DisplayNamePolicy.ANONYMOUS
        ? displayNames.displayName(DisplayNamePolicy.ANONYMOUS, data.kind(), null, null, null, null, row.number())
        : data.displayName();
    Instant signedAt = row.confirmedAt() == null ? data.signedAt() : row.confirmedAt();
    return new PublicSignature(row.number(), signedAt, name, data.commentHidden() ? null : data.comment(),
        data.affiliation(), data.city(), data.country(), data.kind(), petition.noindex() || data.nickname());
  }
}
