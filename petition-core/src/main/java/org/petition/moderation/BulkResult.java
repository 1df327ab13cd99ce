package org.petition.moderation;

/**
 * What a bulk invalidation did.
 *
 * @param actionId the moderation log entry, to undo it
 * @param removed how many signatures were removed
 * @param uncounted how many of them had counted
 */
public record BulkResult(long actionId, int removed, int uncounted) {}
