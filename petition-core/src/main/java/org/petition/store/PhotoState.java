package org.petition.store;

/** Where a signature's photo stands: held for a moderator, or approved and public. */
public enum PhotoState {
  /** Waiting for a moderator; shown to no one else. */
  HELD,
  /** Approved (or published at once by the petition's policy): public, and part of the mosaic. */
  APPROVED
}
