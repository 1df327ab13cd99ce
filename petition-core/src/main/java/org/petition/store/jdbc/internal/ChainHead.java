package org.petition.store.jdbc.internal;

import org.petition.privacy.ConsentChain;

// A consent chain's head row as the current transaction locked (or moved) it: the last record's sequence
// and hash, -1 and the genesis hash while the chain is empty.
public record ChainHead(int chain, long sequence, String hash) {

  // A placeholder for a head asked for but not read yet.
  static final ChainHead NONE = new ChainHead(-1, -1, ConsentChain.GENESIS_HASH);
}
