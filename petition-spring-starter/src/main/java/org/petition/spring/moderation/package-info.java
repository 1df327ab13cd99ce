/**
 * The moderation REST API under {@code /api/moderation}, over core's {@link org.petition.moderation.Moderation}: held
 * signatures with their findings, approve, remove, bulk removal by criteria with a dry run, undo, the audit log.
 * Off unless enabled; every request needs an authenticated principal, which is recorded as the moderator.
 */
@NullMarked
package org.petition.spring.moderation;

import org.jspecify.annotations.NullMarked;
