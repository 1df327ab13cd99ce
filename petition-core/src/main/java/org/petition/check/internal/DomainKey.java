package org.petition.check.internal;

/**
 * An email domain on one petition.
 *
 * @param petition the petition's slug
 * @param domain the ASCII lower-case domain
 */
public record DomainKey(String petition, String domain) {}
