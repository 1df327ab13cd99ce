package org.petition.store.memory;

import org.petition.store.AccountStore;
import org.petition.store.AccountStoreContract;

/** The account store contract on the in-memory reference store. */
class InMemoryAccountStoreTest extends AccountStoreContract {

  private final InMemoryAccountStore shared = new InMemoryAccountStore();

  @Override
  protected AccountStore newStore() {
    return shared;
  }
}
