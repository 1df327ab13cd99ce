package org.petition.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.petition.Petition;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.store.StoredSignature;
import org.petition.token.TokenPurpose;
import org.petition.token.Tokens;

/** The mails a signing sends: the confirmation with its links (first or again), or "you have already signed". */
public final class SigningMail {

  private final ConfirmationSender sender;
  private final Tokens tokens;
  private final Links links;
  private final Duration pendingTtl;
  private final Duration revokeLinkTtl;

  public SigningMail(ConfirmationSender sender, Tokens tokens, Links links, Duration pendingTtl,
      Duration revokeLinkTtl) {
    this.sender = sender;
    this.tokens = tokens;
    this.links = links;
    this.pendingTtl = pendingTtl;
    this.revokeLinkTtl = revokeLinkTtl;
  }

  /** Mints the confirmation and revocation links of a stored signing and hands the mail to the sender. */
  public void confirmation(ValidSigning signing, long id) {
    confirmation(signing.petition(), id, signing.receivedAt(), signing.email(), signing.locale());
  }

  /**
   * The confirmation mail again, for a signature still pending: its links expire when the first mail's do
   * (they are counted from when it was signed), so a resend never outlives the signature it confirms.
   */
  public void confirmationAgain(Petition petition, StoredSignature pending, String email, Locale locale) {
    confirmation(petition, pending.id(), pending.data().signedAt(), email, locale);
  }

  private void confirmation(Petition petition, long id, Instant signedAt, String email, Locale locale) {
    // Each link minted in one string: no token string and concatenation per link on the hot path.
    String confirm = tokens.link(links.confirmPrefix(), TokenPurpose.CONFIRM, id, petition.slug(),
        secondAfter(signedAt, pendingTtl));
    String revoke = tokens.link(links.revokePrefix(), TokenPurpose.REVOKE, id, petition.slug(),
        secondAfter(signedAt, revokeLinkTtl));
    sender.send(new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, email, locale, petition.title(), confirm, revoke));
  }

  /** "You have already signed": no link, nothing changed. */
  public void alreadySigned(Petition petition, String email, Locale locale) {
    sender.send(new OutgoingMessage(MessageKind.ALREADY_SIGNED, email, locale, petition.title(), null, null));
  }

  /**
   * Whether a pending signature signed at {@code signedAt} is past its time at {@code now}: its confirmation
   * links are dead (they expire on the whole second, as tokens do).
   */
  public boolean expired(Instant signedAt, Instant now) {
    return !now.isBefore(Instant.ofEpochSecond(signedAt.plus(pendingTtl).getEpochSecond()));
  }

  // signedAt.plus(ttl).getEpochSecond() without the Instant.
  private static long secondAfter(Instant signedAt, Duration ttl) {
    long carry = (signedAt.getNano() + ttl.getNano()) >= 1_000_000_000 ? 1 : 0;
    return Math.addExact(Math.addExact(signedAt.getEpochSecond(), ttl.getSeconds()), carry);
  }
}
