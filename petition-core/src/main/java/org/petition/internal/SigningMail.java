package org.petition.internal;

import java.time.Duration;
import org.petition.Petition;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.MessageKind;
import org.petition.mail.OutgoingMessage;
import org.petition.token.TokenPurpose;
import org.petition.token.Tokens;

/** The mails a signing sends: the confirmation with its links, or "you have already signed". */
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
    Petition petition = signing.petition();
    String confirm = tokens.mint(TokenPurpose.CONFIRM, id, petition.slug(), signing.receivedAt().plus(pendingTtl));
    String revoke = tokens.mint(TokenPurpose.REVOKE, id, petition.slug(), signing.receivedAt().plus(revokeLinkTtl));
    sender.send(new OutgoingMessage(MessageKind.CONFIRM_SIGNATURE, signing.email(), signing.locale(),
        petition.title(), links.confirm(confirm), links.revoke(revoke)));
  }

  public void alreadySigned(ValidSigning signing) {
    sender.send(new OutgoingMessage(MessageKind.ALREADY_SIGNED, signing.email(), signing.locale(),
        signing.petition().title(), null, null));
  }
}
