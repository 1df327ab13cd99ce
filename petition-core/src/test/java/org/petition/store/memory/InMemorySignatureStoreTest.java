package org.petition.store.memory;

import org.petition.store.SignatureStore;
import org.petition.store.SignatureStoreContract;

/** The store contract on the in-memory reference store. */
class InMemorySignatureStoreTest extends SignatureStoreContract {

  @Override
  protected SignatureStore newStore() {
    return new InMemorySignatureStore();
  }
}
