package org.petition.photo;

import org.petition.store.memory.InMemoryPhotoStore;
import org.petition.store.memory.InMemorySignatureStore;

/** Photo signatures on the in-memory stores. */
class InMemoryPhotoSignaturesTest extends PhotoSignaturesContract {

  @Override
  protected Stores newStores() {
    return new Stores(new InMemorySignatureStore(), new InMemoryPhotoStore());
  }
}
