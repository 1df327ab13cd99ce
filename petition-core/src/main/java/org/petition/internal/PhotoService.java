package org.petition.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.petition.Petition;
import org.petition.PhotoPolicy;
import org.petition.Violation;
import org.petition.event.PetitionEvent;
import org.petition.photo.Mosaic;
import org.petition.photo.PhotoProcessor;
import org.petition.photo.PhotoVerdict;
import org.petition.photo.Photos;
import org.petition.photo.ProcessedPhoto;
import org.petition.store.PhotoInfo;
import org.petition.store.PhotoState;
import org.petition.store.PhotoStore;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;
import org.petition.store.StoredPhoto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photos: checked before a signing is stored, attached after, kept in step with the signature through the
 * events (counted on confirmation, deleted on revocation, erasure, removal and expiry), and drawn as a mosaic
 * that is cached per set of public photos.
 */
public final class PhotoService implements Photos {

  private static final Logger LOG = LoggerFactory.getLogger(PhotoService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PhotoStore store;
  private final PhotoProcessor processor;
  private final Clock clock;
  // Keyed by the petition, the width and the very ids drawn: a new set of public photos is a new key.
  private final Cache<MosaicKey, byte[]> mosaics = Caffeine.newBuilder()
      .maximumWeight(64L * 1024 * 1024).weigher((MosaicKey key, byte[] jpeg) -> jpeg.length).build();
  // One rendering at a time: a mosaic of 1,600 tiles takes seconds of one core.
  private final ReentrantLock rendering = new ReentrantLock();

  private record MosaicKey(String petition, int width, List<String> ids) {}

  public PhotoService(PhotoStore store, PhotoProcessor processor, Clock clock, EventBus events,
      Function<String, Optional<Petition>> petitions) {
    this.store = store;
    this.processor = processor;
    this.clock = clock;
    // Confirmations and purges are hot paths: only a petition that takes photos costs the photo store a write
    // (the JDBC store's purge takes photos along by its foreign key anyway). A revocation, erasure or removal
    // always deletes, whatever the petition's setting is now. The in-memory and JDBC signature stores already
    // deleted the photo in their own step; these deletions serve a photo store apart from the signatures' (and
    // what they miss, a process stopping in between, the sweep finds).
    events.subscribe(PetitionEvent.Confirmed.class, e -> {
      if (takesPhotos(petitions, e.petition())) {
        store.markCounted(e.signatureId(), e.number() > 0);
      }
    });
    events.subscribe(PetitionEvent.Expired.class, e -> {
      if (takesPhotos(petitions, e.petition())) {
        forget(e.signatureId());
      }
    });
    events.subscribe(PetitionEvent.Revoked.class, e -> forget(e.signatureId()));
  }

  private static boolean takesPhotos(Function<String, Optional<Petition>> petitions, String slug) {
    return petitions.apply(slug).map(petition -> petition.photos().accepts()).orElse(false);
  }

  /** Checks a signing's photo against the petition's policy and the limits. */
  public PhotoVerdict check(Petition petition, byte[] upload) {
    if (!petition.photos().accepts()) {
      return new PhotoVerdict.Rejected(new Violation("photo", "photo.not_accepted", "this petition takes no photos"));
    }
    return processor.process(upload);
  }

  /** Stores a checked photo with the signature just stored. */
  public void attach(Petition petition, long signatureId, ProcessedPhoto photo, boolean counted, Instant now) {
    PhotoState state = petition.photos() == PhotoPolicy.PUBLISHED ? PhotoState.APPROVED : PhotoState.HELD;
    store.save(new StoredPhoto(new PhotoInfo(newId(), petition.slug(), signatureId, state, counted, photo.width(),
        photo.height(), now), photo.jpeg(), photo.thumbnail()));
  }

  /** Deletes a signature's photo (erasure, retention's caller per petition). */
  public void forget(long signatureId) {
    if (store.deleteBySignature(signatureId) > 0) {
      LOG.debug("deleted the photo of signature {}", signatureId);
    }
  }

  /** Deletes every photo of a petition (retention). */
  public int forgetPetition(String petition) {
    return store.deleteByPetition(petition);
  }

  /** The photo of a signature, with its bytes (the signer's subject access). */
  public Optional<StoredPhoto> ofSignature(long signatureId) {
    return store.findBySignature(signatureId);
  }

  /**
   * The maintenance sweep: deletes every photo of these petitions whose signature is gone, revoked, removed or
   * erased (its personal data gone), such as one a process left behind when it stopped between a signature
   * store's step and a separate photo store's (a photo store apart from the signatures', see {@link
   * org.petition.store.PhotoStore}). Answers how many were deleted.
   */
  public int sweepOrphans(List<String> petitions, LongFunction<Optional<StoredSignature>> signatures) {
    int deleted = 0;
    for (String petition : petitions) {
      for (PhotoState state : PhotoState.values()) {
        for (PhotoInfo photo : store.list(petition, state, false, Integer.MAX_VALUE)) {
          if (orphan(signatures.apply(photo.signatureId())) && store.delete(photo.id())) {
            deleted++;
          }
        }
      }
    }
    if (deleted > 0) {
      LOG.info("the sweep deleted {} photos of signatures removed or erased", deleted);
    }
    return deleted;
  }

  private static boolean orphan(Optional<StoredSignature> signature) {
    return signature.isEmpty() || signature.get().state() == SignatureState.REVOKED
        || signature.get().state() == SignatureState.REMOVED || signature.get().data().sealedPersonalData().length == 0;
  }

  @Override
  public Optional<byte[]> publicPhoto(String petition, String id) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(id, "id must not be null");
    return store.find(id).filter(photo -> photo.info().petition().equals(petition)
        && photo.info().state() == PhotoState.APPROVED && photo.info().counted()).map(StoredPhoto::image);
  }

  @Override
  public List<PhotoInfo> published(String petition, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    return store.list(petition, PhotoState.APPROVED, true, limit);
  }

  @Override
  public Optional<byte[]> mosaic(String petition, int width) {
    Objects.requireNonNull(petition, "petition must not be null");
    if (width < Mosaic.MIN_WIDTH || width > Mosaic.MAX_WIDTH) {
      throw new IllegalArgumentException(
          "width must be between " + Mosaic.MIN_WIDTH + " and " + Mosaic.MAX_WIDTH + ", was " + width);
    }
    List<PhotoInfo> all = store.list(petition, PhotoState.APPROVED, true, Integer.MAX_VALUE);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = all.subList(Math.max(0, all.size() - Mosaic.MAX_TILES), all.size()).stream()
        .map(PhotoInfo::id).toList();
    MosaicKey key = new MosaicKey(petition, width, ids);
    byte[] cached = mosaics.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    rendering.lock();
    try {
      return Optional.of(mosaics.get(key, k -> {
        List<byte[]> thumbnails = store.thumbnails(k.ids());
        return thumbnails.isEmpty() ? new byte[0] : Mosaic.render(thumbnails, k.width());
      })).filter(jpeg -> jpeg.length > 0);
    } finally {
      rendering.unlock();
    }
  }

  @Override
  public List<PhotoInfo> held(String petition, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    return store.list(petition, PhotoState.HELD, false, limit);
  }

  @Override
  public Optional<byte[]> image(String id) {
    return store.find(Objects.requireNonNull(id, "id must not be null")).map(StoredPhoto::image);
  }

  @Override
  public boolean approve(String id) {
    boolean approved = store.approve(Objects.requireNonNull(id, "id must not be null"), clock.instant());
    if (approved) {
      LOG.info("a moderator approved photo {}", id);
    }
    return approved;
  }

  @Override
  public boolean remove(String id) {
    boolean removed = store.delete(Objects.requireNonNull(id, "id must not be null"));
    if (removed) {
      LOG.info("a moderator removed photo {}", id);
    }
    return removed;
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
