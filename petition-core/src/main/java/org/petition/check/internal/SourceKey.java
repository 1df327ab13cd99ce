package org.petition.check.internal;

/**
 * A client address or network on one petition. The address is kept as bits, never as text, and only for as
 * long as the cache holding the key keeps it.
 *
 * @param petition the petition's slug
 * @param high the high 64 bits of the address or network
 * @param low the low 64 bits of the address or network
 */
public record SourceKey(String petition, long high, long low) {}
