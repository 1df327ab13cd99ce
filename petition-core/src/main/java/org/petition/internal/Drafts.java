package org.petition.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.check.Decision;
import org.petition.check.Verdict;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.privacy.DisplayNames;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;
import org.petition.privacy.Pseudonyms;
import org.petition.store.NewSignature;

/** Turns a decided signing into what the store keeps: public names in clear, personal data sealed. */
public final class Drafts {

  private static final String NICKNAME = "nickname";
  private static final String LETTER = "letter";

  // A finding in the letter alone withholds the letter, not the public comment.
  private static boolean onlyTheLetterDecided(Decision decision) {
    if (decision.decisive().isEmpty()) {
      return false;
    }
    for (org.petition.check.Finding finding : decision.decisive()) {
      if (!LETTER.equals(finding.field())) {
        return false;
      }
    }
    return true;
  }

  private final DisplayNames displayNames;
  private final PersonalDataCipher cipher;

  public Drafts(DisplayNames displayNames, PersonalDataCipher cipher) {
    this.displayNames = displayNames;
    this.cipher = cipher;
  }

  // Signings of one petition share its slug: its bytes (the sealed data's associated data) are kept from the last.
  private volatile @Nullable SlugBytes lastSlug;

  private record SlugBytes(String slug, byte[] bytes) {}

  private byte[] slugBytes(String slug) {
    SlugBytes last = lastSlug;
    if (last != null && last.slug.equals(slug)) {
      return last.bytes;
    }
    byte[] bytes = slug.getBytes(StandardCharsets.UTF_8);
    lastSlug = new SlugBytes(slug, bytes);
    return bytes;
  }

  // Locale.toLanguageTag builds a new string on every call; signers come in a few dozen locales. Bounded, so
  // a host passing arbitrary locales cannot grow it: past the bound a tag is computed each time.
  private static final int MAX_TAGS = 512;
  private final ConcurrentHashMap<Locale, String> languageTags = new ConcurrentHashMap<>();

  private String languageTag(Locale locale) {
    String tag = languageTags.get(locale);
    if (tag == null) {
      tag = locale.toLanguageTag();
      if (languageTags.size() < MAX_TAGS) {
        languageTags.putIfAbsent(locale, tag);
      }
    }
    return tag;
  }

  public NewSignature draft(ValidSigning signing, SignerKeys keys, Decision decision) {
    Petition petition = signing.petition();
    // A nickname a check flagged is not shown; the signer's name rules apply instead.
    boolean nickname = signing.nickname() != null && !decision.flags(NICKNAME);
    String displayName = petition.displayNamePolicy() == DisplayNamePolicy.ANONYMOUS
        ? null
        : displayNames.displayName(petition.displayNamePolicy(), signing.kind(), signing.firstName(),
            signing.lastName(), signing.organizationName(), nickname ? signing.nickname() : null, 0);
    // A letter is judged as a comment is: one the verdict hides is not delivered, so it is not kept either; a
    // held one stays with the held signature (delivered if a moderator approves it).
    boolean hide = decision.verdict() == Verdict.ACCEPT_HIDE_COMMENT;
    String letter = hide && decision.flags(LETTER) ? null : signing.letter();
    PersonalData personal = new PersonalData(signing.email(), signing.phoneE164(), signing.firstName(),
        signing.lastName(), signing.organizationName(), keys.storedNetwork(), letter);
    byte[] sealed = personal.seal(cipher, slugBytes(petition.slug()));
    return signature(signing, keys, decision, displayName, nickname, hide && !onlyTheLetterDecided(decision), sealed,
        languageTag(signing.locale()));
  }

  // The builder in a method of its own, small enough for the JIT to inline whole where it is called, so the
  // builder object itself is optimised away (escape analysis) instead of allocated with every signing.
  private static NewSignature signature(ValidSigning signing, SignerKeys keys, Decision decision,
      @Nullable String displayName, boolean nickname, boolean commentHidden, byte[] sealed, String locale) {
    return NewSignature.builder(signing.petition().slug(), signing.kind())
        .emailKey(keys.emailKey())
        .phoneKey(keys.phoneKey())
        .nameKey(keys.nameKey())
        .networkKey(keys.networkKey())
        .displayName(displayName)
        .nickname(nickname)
        .comment(signing.comment())
        .commentHidden(commentHidden)
        .affiliation(signing.affiliation())
        .city(signing.city())
        .country(signing.country())
        .emailDomain(keys.emailDomain())
        .network(keys.storedNetwork())
        .sealedPersonalData(sealed)
        .signedAt(signing.receivedAt())
        .held(decision.verdict() == Verdict.HOLD)
        .findings(decision.findings())
        .consents(signing.consents())
        .formId(signing.formId())
        .userAgentHash(Pseudonyms.userAgentHash(signing.userAgent()))
        .locale(locale)
        .build();
  }
}
