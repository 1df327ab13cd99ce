package org.petition.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;
import static org.petition.testing.Fixtures.revokeToken;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petition.ConfirmResult;
import org.petition.ErasureResult;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.PhotoPolicy;
import org.petition.RevokeResult;
import org.petition.SignResult;
import org.petition.mail.InMemoryOutbox;
import org.petition.mail.OutgoingMessage;
import org.petition.store.PhotoInfo;
import org.petition.store.PhotoState;
import org.petition.store.PhotoStore;
import org.petition.store.RemoveOutcome;
import org.petition.store.StoredPhoto;
import org.petition.store.SignatureStore;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * Photo signatures through {@link Petitions}, on a pair of stores: the photo is checked, held, approved, public
 * only while its signature counts, drawn into the mosaic, and deleted with the signature on revocation,
 * erasure, a moderator's removal, the purge, and retention.
 */
public abstract class PhotoSignaturesContract {

  protected static final String SLUG = "i-stand-for-peace";

  /** A fresh signature store and photo store over the same data. */
  public record Stores(SignatureStore signatures, PhotoStore photos) {}

  protected abstract Stores newStores();

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private Petitions petitions;
  private PhotoStore photoStore;
  private SignatureStore signatureStore;
  private int signers;

  @BeforeEach
  void setUp() {
    Stores stores = newStores();
    photoStore = stores.photos();
    signatureStore = stores.signatures();
    petitions = Fixtures.petitions(clock, outbox).store(stores.signatures()).photoStore(stores.photos())
        .defaultChecks(false).build();
    petitions.register(Petition.builder(SLUG).title("I Stand for Peace on the Korean Peninsula")
        .goal(1200).goal("US", 200).goal("KR", 1000).consent(Fixtures.TERMS).consent(Fixtures.PRIVACY)
        .consent(Fixtures.PROCESSING).photos(PhotoPolicy.HELD).closesAt(Fixtures.START.plus(Duration.ofDays(30)))
        .build());
    petitions.register(Petition.builder("no-photos").title("A petition without photos").consent(Fixtures.TERMS)
        .build());
  }

  private SignResult sign(String email, byte[] photo) {
    return petitions.sign(person("Frank", "Castellano" + (++signers), email).petition(SLUG).build(), null, photo);
  }

  private OutgoingMessage signAndConfirm(String email, byte[] photo) {
    assertThat(sign(email, photo)).isInstanceOf(SignResult.Pending.class);
    OutgoingMessage mail = outbox.latestTo(email).orElseThrow();
    assertThat(petitions.confirm(confirmToken(mail))).isInstanceOf(ConfirmResult.Confirmed.class);
    return mail;
  }

  private PhotoInfo onlyHeld() {
    List<PhotoInfo> held = petitions.photos().held(SLUG, 10);
    assertThat(held).hasSize(1);
    return held.get(0);
  }

  @Test
  void aPhotoIsHeldThenPublicOnceApprovedAndItsSignatureCounts() throws Exception {
    assertThat(sign("frank@example.org", TestImages.jpegWithExif(800, 600, 6))).isInstanceOf(SignResult.Pending.class);
    PhotoInfo held = onlyHeld();
    assertThat(held.id()).matches("[A-Za-z0-9_-]{22}");
    assertThat(held.counted()).isFalse();
    assertThat(held.width()).isEqualTo(600); // turned upright
    assertThat(petitions.photos().publicPhoto(SLUG, held.id())).isEmpty();
    assertThat(petitions.photos().image(held.id())).isPresent(); // the moderator sees it

    assertThat(petitions.photos().approve(held.id())).isTrue();
    assertThat(petitions.photos().approve(held.id())).isFalse(); // no longer held
    // Approved, but the signature is not confirmed yet: not public.
    assertThat(petitions.photos().publicPhoto(SLUG, held.id())).isEmpty();
    assertThat(petitions.photos().mosaic(SLUG, 400)).isEmpty();

    petitions.confirm(confirmToken(outbox.latestTo("frank@example.org").orElseThrow()));
    byte[] jpeg = petitions.photos().publicPhoto(SLUG, held.id()).orElseThrow();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getHeight()).isEqualTo(800);
    assertThat(petitions.photos().publicPhoto("no-photos", held.id())).isEmpty(); // another petition's name
    assertThat(petitions.photos().published(SLUG, 10)).extracting(PhotoInfo::id).containsExactly(held.id());
  }

  @Test
  void aBadPhotoIsRefusedOnTheFieldPhotoAndNothingIsStored() {
    SignResult text = sign("frank@example.org", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(text).isInstanceOfSatisfying(SignResult.Rejected.class, r -> assertThat(r.violations())
        .singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo("photo");
          assertThat(v.code()).isEqualTo("photo.not_image");
        }));
    SignResult bomb = sign("frank@example.org", TestImages.pngDeclaring(100_000, 100_000));
    assertThat(bomb).isInstanceOfSatisfying(SignResult.Rejected.class,
        r -> assertThat(r.violations().get(0).code()).isEqualTo("photo.too_many_pixels"));
    SignResult cut = sign("frank@example.org", TestImages.firstPart(TestImages.noisyJpeg(300, 200, 7), 0.6));
    assertThat(cut).isInstanceOfSatisfying(SignResult.Rejected.class,
        r -> assertThat(r.violations().get(0).code()).isEqualTo("photo.damaged"));
    assertThat(outbox.latestTo("frank@example.org")).isEmpty();
    assertThat(petitions.photos().held(SLUG, 10)).isEmpty();

    SignResult elsewhere = petitions.sign(person("Ann", "Lee", "ann@example.org").petition("no-photos")
        .consent("terms").build(), null, TestImages.jpeg(100, 100));
    assertThat(elsewhere).isInstanceOfSatisfying(SignResult.Rejected.class,
        r -> assertThat(r.violations().get(0).code()).isEqualTo("photo.not_accepted"));
  }

  @Test
  void theMosaicDrawsThePublicPhotosAndIsCachedUntilTheSetChanges() throws Exception {
    for (int i = 0; i < 3; i++) {
      signAndConfirm("signer" + i + "@example.org", TestImages.png(200 + i, 150));
    }
    List<PhotoInfo> held = petitions.photos().held(SLUG, 10);
    assertThat(held).hasSize(3);
    held.forEach(photo -> petitions.photos().approve(photo.id()));

    byte[] first = petitions.photos().mosaic(SLUG, 600).orElseThrow();
    BufferedImage mosaic = ImageIO.read(new ByteArrayInputStream(first));
    assertThat(mosaic.getWidth()).isEqualTo(600);
    assertThat(mosaic.getHeight()).isEqualTo(600); // 3 tiles: 2 columns of 300, 2 rows
    assertThat(petitions.photos().mosaic(SLUG, 600).orElseThrow()).isSameAs(first); // from the cache

    petitions.photos().remove(held.get(0).id());
    byte[] second = petitions.photos().mosaic(SLUG, 600).orElseThrow();
    assertThat(second).isNotSameAs(first);
    assertThat(ImageIO.read(new ByteArrayInputStream(second)).getHeight()).isEqualTo(300); // 2 tiles, 1 row

    assertThatThrownBy(() -> petitions.photos().mosaic(SLUG, 99)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width");
    assertThatThrownBy(() -> petitions.photos().mosaic(SLUG, 4001)).isInstanceOf(IllegalArgumentException.class);
    assertThat(petitions.photos().mosaic("no-photos", 600)).isEmpty();
  }

  @Test
  void revocationDeletesThePhoto() {
    OutgoingMessage mail = signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    String id = onlyHeld().id();
    petitions.photos().approve(id);
    assertThat(petitions.photos().publicPhoto(SLUG, id)).isPresent();

    assertThat(petitions.revoke(revokeToken(mail))).isInstanceOf(RevokeResult.Revoked.class);

    assertThat(photoStore.find(id)).isEmpty();
    assertThat(petitions.photos().publicPhoto(SLUG, id)).isEmpty();
    assertThat(petitions.photos().mosaic(SLUG, 400)).isEmpty();
  }

  @Test
  void erasureDeletesThePhoto() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    String id = onlyHeld().id();

    petitions.subjects().requestErasure("frank@example.org", Locale.ENGLISH);
    OutgoingMessage erase = outbox.latestTo("frank@example.org").orElseThrow();
    assertThat(petitions.subjects().confirmErasure(Fixtures.token(erase.actionUrl())))
        .isInstanceOf(ErasureResult.Erased.class);

    assertThat(photoStore.find(id)).isEmpty();
  }

  @Test
  void thePurgeOfAnUnconfirmedSignatureDeletesItsPhoto() {
    sign("late@example.org", TestImages.jpeg(300, 300));
    String id = onlyHeld().id();
    clock.advance(Duration.ofDays(8));

    assertThat(petitions.purgePending(100)).isEqualTo(1);

    assertThat(photoStore.find(id)).isEmpty();
    assertThat(petitions.photos().held(SLUG, 10)).isEmpty();
  }

  @Test
  void retentionDeletesThePetitionsPhotos() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    String id = onlyHeld().id();
    petitions.photos().approve(id);

    clock.advance(Duration.ofDays(30 + 181));
    petitions.subjects().applyRetention(100);

    assertThat(photoStore.find(id)).isEmpty();
    assertThat(petitions.tally(SLUG).orElseThrow().confirmed()).isEqualTo(1); // the count stays
  }

  @Test
  void aModeratorsRemovalOfTheSignatureDeletesThePhoto() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    PhotoInfo photo = onlyHeld();

    petitions.moderation().remove(photo.signatureId(), "moderator", "spam");

    assertThat(photoStore.find(photo.id())).isEmpty();
  }

  // The store's own step takes the photo: no event, no listener, nothing a crash could come between.
  @Test
  void theStoresRevocationTakesThePhotoInTheSameStep() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    PhotoInfo photo = onlyHeld();

    assertThat(signatureStore.revoke(photo.signatureId(), clock.instant())).isInstanceOf(RemoveOutcome.Removed.class);

    assertThat(photoStore.find(photo.id())).isEmpty();
    assertThat(photoStore.findBySignature(photo.signatureId())).isEmpty();
  }

  @Test
  void theStoresErasureTakesThePhotoInTheSameStepAlsoWhenTheSignatureKeepsCounting() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    signAndConfirm("ann@example.org", TestImages.jpeg(200, 200));
    List<PhotoInfo> held = petitions.photos().held(SLUG, 10);
    assertThat(held).hasSize(2);

    assertThat(signatureStore.erase(held.get(0).signatureId(), true, clock.instant()))
        .isInstanceOf(RemoveOutcome.Removed.class);
    assertThat(signatureStore.find(held.get(0).signatureId()).orElseThrow().counted()).isTrue(); // still counts
    assertThat(signatureStore.erase(held.get(1).signatureId(), false, clock.instant()))
        .isInstanceOf(RemoveOutcome.Removed.class);

    assertThat(photoStore.find(held.get(0).id())).isEmpty();
    assertThat(photoStore.find(held.get(1).id())).isEmpty();
  }

  @Test
  void theStoresRemovalAndAnonymisationTakeThePhotosInTheSameStep() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    PhotoInfo removed = onlyHeld();
    assertThat(signatureStore.remove(removed.signatureId(), clock.instant())).isInstanceOf(RemoveOutcome.Removed.class);
    assertThat(photoStore.find(removed.id())).isEmpty();

    signAndConfirm("ann@example.org", TestImages.jpeg(200, 200));
    PhotoInfo kept = onlyHeld();
    assertThat(signatureStore.anonymise(SLUG, 10)).isEqualTo(2); // the removed one kept its data too
    assertThat(photoStore.find(kept.id())).isEmpty();
  }

  @Test
  void theStoresPurgeTakesAnUnconfirmedSignaturesPhotoInTheSameStep() {
    sign("late@example.org", TestImages.jpeg(300, 300));
    String id = onlyHeld().id();

    assertThat(signatureStore.purgePending(clock.instant().plus(Duration.ofDays(8)), 100)).hasSize(1);

    assertThat(photoStore.find(id)).isEmpty();
  }

  @Test
  void theSweepDeletesAPhotoLeftBehindByAStoppedProcessAndKeepsTheOthers() {
    OutgoingMessage gone = signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    PhotoInfo photo = onlyHeld();
    assertThat(petitions.revoke(revokeToken(gone))).isInstanceOf(RevokeResult.Revoked.class);
    assertThat(photoStore.find(photo.id())).isEmpty();
    // What a process stopped between a signature store and a photo store apart from it leaves: the photo of a
    // revoked signature (put back here as such a store would have kept it).
    StoredPhoto leftOver = new StoredPhoto(photo, TestImages.jpeg(300, 300), TestImages.jpeg(60, 60));
    photoStore.save(leftOver);
    signAndConfirm("ann@example.org", TestImages.jpeg(200, 200));
    PhotoInfo live = petitions.photos().held(SLUG, 10).stream().filter(p -> !p.id().equals(photo.id()))
        .findFirst().orElseThrow();
    assertThat(photoStore.find(photo.id())).isPresent();

    petitions.subjects().applyRetention(100); // the petition is open: nothing to anonymise, the sweep runs

    assertThat(photoStore.find(photo.id())).isEmpty();
    assertThat(photoStore.find(live.id())).isPresent();
  }

  @Test
  void theSubjectAccessAnswerCarriesThePhotoAndErasureTakesItAway() {
    signAndConfirm("frank@example.org", TestImages.jpeg(300, 300));
    PhotoInfo photo = onlyHeld();
    byte[] stored = photoStore.find(photo.id()).orElseThrow().image();

    String json = petitions.subjects().access("frank@example.org");

    assertThat(json).contains("\"photo\":{\"id\":\"" + photo.id() + "\",\"state\":\"HELD\",\"public\":false,"
        + "\"width\":300,\"height\":300,");
    assertThat(json).contains("\"contentType\":\"image/jpeg\",\"base64\":\""
        + Base64.getEncoder().encodeToString(stored) + "\"}");
    assertThat(petitions.subjects().access("nobody@example.org")).doesNotContain("\"photo\"");

    petitions.subjects().requestErasure("frank@example.org", Locale.ENGLISH);
    petitions.subjects().confirmErasure(Fixtures.token(outbox.latestTo("frank@example.org").orElseThrow().actionUrl()));
    assertThat(petitions.subjects().access("frank@example.org")).doesNotContain("base64").doesNotContain(photo.id());
  }

  @Test
  void aPublishedPolicyNeedsNoModeratorButStillACountedSignature() {
    petitions.register(Petition.builder("open-wall").title("An open photo wall").consent(Fixtures.TERMS)
        .photos(PhotoPolicy.PUBLISHED).build());
    petitions.sign(person("Ann", "Lee", "ann@example.org").petition("open-wall").consent("terms").build(), null,
        TestImages.jpeg(200, 200));
    assertThat(petitions.photos().held("open-wall", 10)).isEmpty();
    assertThat(petitions.photos().published("open-wall", 10)).isEmpty(); // not confirmed yet
    petitions.confirm(confirmToken(outbox.latestTo("ann@example.org").orElseThrow()));
    assertThat(petitions.photos().published("open-wall", 10)).singleElement()
        .satisfies(p -> assertThat(p.state()).isEqualTo(PhotoState.APPROVED));
  }

  @Test
  void thePolicyIsKeptWithThePetition() {
    assertThat(petitions.store().petition(SLUG).orElseThrow().photos()).isEqualTo(PhotoPolicy.HELD);
    assertThat(petitions.store().petition("no-photos").orElseThrow().photos()).isEqualTo(PhotoPolicy.NOT_ACCEPTED);
  }
}
