package org.petition.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.petition.store.PhotoInfo;
import org.petition.store.PhotoState;
import org.petition.store.PhotoStore;
import org.petition.store.StoredPhoto;

/**
 * Photos in memory, the default {@link PhotoStore}: lost on restart, as the in-memory signatures are. Listing
 * scans the petition's photos (a photo campaign has thousands, not millions).
 */
public final class InMemoryPhotoStore implements PhotoStore {

  private final Map<String, StoredPhoto> byId = new ConcurrentHashMap<>();
  private final Map<Long, String> bySignature = new ConcurrentHashMap<>();

  @Override
  public synchronized void save(StoredPhoto photo) {
    Objects.requireNonNull(photo, "photo must not be null");
    String earlier = bySignature.put(photo.info().signatureId(), photo.id());
    if (earlier != null) {
      byId.remove(earlier);
    }
    byId.put(photo.id(), photo);
  }

  @Override
  public Optional<StoredPhoto> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id must not be null")));
  }

  @Override
  public Optional<StoredPhoto> findBySignature(long signatureId) {
    String id = bySignature.get(signatureId);
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<PhotoInfo> list(String petition, PhotoState state, boolean countedOnly, int limit) {
    Objects.requireNonNull(petition, "petition must not be null");
    Objects.requireNonNull(state, "state must not be null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    List<PhotoInfo> found = new ArrayList<>();
    for (StoredPhoto photo : byId.values()) {
      if (photo.info().petition().equals(petition) && photo.info().state() == state
          && (!countedOnly || photo.info().counted())) {
        found.add(photo.info());
      }
    }
    found.sort(Comparator.comparing(PhotoInfo::receivedAt).thenComparing(PhotoInfo::id));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
  }

  @Override
  public List<byte[]> thumbnails(List<String> ids) {
    List<byte[]> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      StoredPhoto photo = byId.get(id);
      if (photo != null) {
        found.add(photo.thumbnail());
      }
    }
    return found;
  }

  @Override
  public synchronized boolean approve(String id, Instant at) {
    StoredPhoto photo = byId.get(Objects.requireNonNull(id, "id must not be null"));
    if (photo == null || photo.info().state() != PhotoState.HELD) {
      return false;
    }
    replace(photo, PhotoState.APPROVED, photo.info().counted());
    return true;
  }

  @Override
  public synchronized void markCounted(long signatureId, boolean counted) {
    String id = bySignature.get(signatureId);
    StoredPhoto photo = id == null ? null : byId.get(id);
    if (photo != null) {
      replace(photo, photo.info().state(), counted);
    }
  }

  private void replace(StoredPhoto photo, PhotoState state, boolean counted) {
    PhotoInfo info = photo.info();
    byId.put(info.id(), new StoredPhoto(new PhotoInfo(info.id(), info.petition(), info.signatureId(), state, counted,
        info.width(), info.height(), info.receivedAt()), photo.image(), photo.thumbnail()));
  }

  @Override
  public synchronized boolean delete(String id) {
    StoredPhoto removed = byId.remove(Objects.requireNonNull(id, "id must not be null"));
    if (removed != null) {
      bySignature.remove(removed.info().signatureId(), id);
    }
    return removed != null;
  }

  @Override
  public synchronized int deleteBySignature(long signatureId) {
    String id = bySignature.remove(signatureId);
    return id != null && byId.remove(id) != null ? 1 : 0;
  }

  @Override
  public synchronized int deleteByPetition(String petition) {
    Objects.requireNonNull(petition, "petition must not be null");
    List<String> ids = byId.values().stream().filter(p -> p.info().petition().equals(petition))
        .map(StoredPhoto::id).toList();
    ids.forEach(this::delete);
    return ids.size();
  }
}
