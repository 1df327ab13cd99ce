package org.petition.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where signatures' photos live (photo campaigns, {@link org.petition.PhotoPolicy}): at most one per
 * signature, deleted with it. {@link org.petition.store.memory.InMemoryPhotoStore} keeps them in memory,
 * {@link org.petition.store.jdbc.JdbcPhotoStore} in table {@code signature_photo} beside the signatures, whose
 * purge takes a pending signature's photo along. The store a signature store hands out for its own signatures
 * ({@link org.petition.store.memory.InMemorySignatureStore#photos()}, or the JDBC tables of the same schema) loses
 * a signature's photo in the same step as the signature's personal data (revocation, erasure, removal, retention).
 *
 * <p>Implementations must be thread-safe.
 */
public interface PhotoStore {

  /** Stores a new photo; a second photo for the same signature replaces the first. */
  void save(StoredPhoto photo);

  /** The photo with this id, with its bytes. */
  Optional<StoredPhoto> find(String id);

  /** The photo of this signature, if any, with its bytes (the signer's subject access). */
  Optional<StoredPhoto> findBySignature(long signatureId);

  /**
   * Up to {@code limit} photos of a petition in this state (only those of counted signatures when {@code
   * countedOnly}), oldest first, without their bytes.
   */
  List<PhotoInfo> list(String petition, PhotoState state, boolean countedOnly, int limit);

  /** Records whether the signature's photo, if any, is of a counted signature. */
  void markCounted(long signatureId, boolean counted);

  /** The thumbnails of these photos (ids of one petition), in the order given; unknown ids are left out. */
  List<byte[]> thumbnails(List<String> ids);

  /** Moves a held photo to approved; answers whether it was held. */
  boolean approve(String id, Instant at);

  /** Deletes a photo; answers whether there was one. */
  boolean delete(String id);

  /** Deletes the photo of a signature, if any; answers how many were deleted. */
  int deleteBySignature(long signatureId);

  /** Deletes every photo of a petition (retention); answers how many. */
  int deleteByPetition(String petition);
}
