package org.petition.store.memory;

import org.petition.store.InvitationStoreContract;
import org.petition.store.SignatureStore;

/** The invitation store contract on the in-memory store. */
class InMemoryInvitationStoreTest extends InvitationStoreContract {

  @Override
  protected SignatureStore newStore() {
    return new InMemorySignatureStore();
  }
}
