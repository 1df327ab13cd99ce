package org.petition.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored photo without its bytes, as listed.
 *
 * @param id the photo's random public id (URL-safe; says nothing of the signature or of the order)
 * @param petition the petition's slug
 * @param signatureId the signature it came with
 * @param state held or approved
 * @param counted whether its signature counts (confirmed, not held); only an approved photo of a counted
 *     signature is public
 * @param width the stored image's width in pixels
 * @param height the stored image's height in pixels
 * @param receivedAt when it was received
 */
public record PhotoInfo(
    String id, String petition, long signatureId, PhotoState state, boolean counted, int width, int height, Instant receivedAt) {

  public PhotoInfo {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(state, "state must not be null");
    Objects.requireNonNull(receivedAt, "receivedAt must not be null");
  }
}
