package org.petition.photo;

import org.petition.store.memory.InMemorySignatureStore;

/** Photo signatures on the in-memory store and its own photo store (the builder's default pair). */
class InMemoryPhotoSignaturesTest extends PhotoSignaturesContract {

  @Override
  protected Stores newStores() {
    InMemorySignatureStore store = new InMemorySignatureStore();
    return new Stores(store, store.photos());
  }
}
