package org.petition.invite;

import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemorySignatureStore;

/** What is kept of invitations, on the in-memory store. */
class InMemoryInvitationPrivacyTest extends InvitationPrivacyContract {

  @Override
  protected SignatureStore newStore() {
    return new InMemorySignatureStore();
  }
}
