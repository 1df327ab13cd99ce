package org.petition;

/** How much a petition's delivery export ({@link Petitions#export}) shows. */
public enum ExportLevel {
  /** The totals: all signatures, then per country. Public. */
  COUNTS,
  /** The counted signatures as the public list shows them: number, display name, city, country, date, comment. */
  PUBLIC,
  /**
   * The counted signatures with the names the signers gave, city, country, date, comment and the signer's
   * personal letter to the target (one per counted signature, empty without one): for the petition's official
   * recipient only. Never served by the starter's public API.
   */
  TARGET
}
