package org.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.testing.Fixtures.confirmToken;
import static org.petition.testing.Fixtures.person;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.store.KeyFingerprint;
import org.petition.store.KeyFingerprintStore;
import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;

/** Keys rotate without losing data or links; a key that is gone is reported, not silently ignored. */
class KeyRotationTest {

  private final MutableClock clock = new MutableClock(Fixtures.START);
  private final InMemoryOutbox outbox = InMemoryOutbox.ofDefaults();
  private final SignatureStore store = new InMemorySignatureStore();
  private final byte[] identitySecret = Fixtures.randomBytes(32);
  private final DataKey d1 = new DataKey("d1", Fixtures.randomBytes(32));
  private final DataKey d2 = new DataKey("d2", Fixtures.randomBytes(32));
  private final TokenKey t1 = TokenKey.of("t1", Fixtures.randomBytes(32));
  private final TokenKey t2 = TokenKey.of("t2", Fixtures.randomBytes(32));

  private Petitions petitions(DataKeys dataKeys, Tokens tokens) {
    return petitions(store, dataKeys, tokens);
  }

  private Petitions petitions(SignatureStore over, DataKeys dataKeys, Tokens tokens) {
    return Fixtures.petitions(clock, outbox).store(over).identitySecret(identitySecret).dataKeys(dataKeys)
        .tokenKeys(tokens).build();
  }

  /**
   * The store without its KeyFingerprintStore role, as a third-party store may be: nothing stops the wrong keys
   * at start, so what reading with them does is seen.
   */
  private SignatureStore withoutFingerprints() {
    return (SignatureStore) Proxy.newProxyInstance(SignatureStore.class.getClassLoader(),
        new Class<?>[] {SignatureStore.class}, (proxy, method, arguments) -> {
          try {
            return method.invoke(store, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void dataAndLinksMadeUnderOldKeysStillWorkAfterRotation() {
    Petitions before = petitions(DataKeys.of(d1), Tokens.of(t1));
    before.register(Fixtures.seedPetition());
    before.sign(person("Frank", "Castellano", "frank@example.org").phone("+1 202 555 0143").build());

    Petitions after = petitions(DataKeys.of(List.of(d1, d2)), Tokens.of(t1, t2));
    assertThat(after.confirm(confirmToken(outbox.latestTo("frank@example.org").orElseThrow())))
        .isEqualTo(new ConfirmResult.Confirmed(1));
    after.sign(person("Ann", "Lee", "ann@example.org").build());

    assertThat(after.subjects().access("frank@example.org")).contains("\"email\":\"frank@example.org\"")
        .contains("\"phone\":\"+12025550143\"");
    assertThat(after.subjects().access("ann@example.org")).contains("\"email\":\"ann@example.org\"");
    assertThat(outbox.latestTo("ann@example.org").orElseThrow().actionUrl()).isNotNull();
  }

  @Test
  void dataSealedUnderAKeyThatIsGoneIsReportedAsUnreadableNotDropped() {
    Petitions before = petitions(DataKeys.of(d1), Tokens.of(t1));
    before.register(Fixtures.seedPetition());
    before.sign(person("Frank", "Castellano", "frank@example.org").build());

    assertThatThrownBy(() -> petitions(DataKeys.of(d2), Tokens.of(t1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("data key 'd1' sealed stored personal data");
    Petitions withoutD1 = petitions(withoutFingerprints(), DataKeys.of(d2), Tokens.of(t1));
    String json = withoutD1.subjects().access("frank@example.org");

    assertThat(json).contains("\"personalData\":\"unreadable: UnknownKey\"").contains("\"petition\":\"us-troops-out-of-korea\"");
  }

  @Test
  void aWrongKeyUnderTheSameIdIsReportedAsCorrupt() {
    Petitions before = petitions(DataKeys.of(d1), Tokens.of(t1));
    before.register(Fixtures.seedPetition());
    before.sign(person("Frank", "Castellano", "frank@example.org").build());

    DataKeys impostorKeys = DataKeys.of(new DataKey("d1", Fixtures.randomBytes(32)));
    assertThatThrownBy(() -> petitions(impostorKeys, Tokens.of(t1))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("data key 'd1' is not the key of that id");
    Petitions impostor = petitions(withoutFingerprints(), impostorKeys, Tokens.of(t1));

    assertThat(impostor.subjects().access("frank@example.org")).contains("\"personalData\":\"unreadable: Corrupt\"");
  }

  @Test
  void anotherIdentitySecretOnTheSameStoreIsRefusedBeforeAnyoneIsCountedTwice() {
    Petitions before = petitions(DataKeys.of(d1), Tokens.of(t1));
    before.register(Fixtures.seedPetition());

    assertThatThrownBy(() -> Fixtures.petitions(clock, outbox).store(store).identitySecret(Fixtures.randomBytes(32))
        .dataKeys(DataKeys.of(d1)).tokenKeys(Tokens.of(t1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not the identity secret the stored signatures were hashed with");
  }

  @Test
  void aTokenKeyIdWithAnotherSecretIsRefusedWhileNewAndDroppedTokenKeysAreFine() {
    petitions(DataKeys.of(d1), Tokens.of(t1));
    petitions(DataKeys.of(d1), Tokens.of(t1, t2));
    petitions(DataKeys.of(d1), Tokens.of(t2));

    assertThatThrownBy(() -> petitions(DataKeys.of(d1), Tokens.of(TokenKey.of("t2", Fixtures.randomBytes(32)))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("token key 't2' is not the key of that id");
  }

  @Test
  void aDataKeyThatWasOnlyEverAddedForReadingMayBeDroppedButOneThatSealedMayNot() {
    petitions(DataKeys.of(d1), Tokens.of(t1));
    DataKey d3 = new DataKey("d3", Fixtures.randomBytes(32));
    petitions(DataKeys.of(List.of(d3, d1)), Tokens.of(t1)); // d3 configured, never current: sealed nothing
    petitions(DataKeys.of(d1), Tokens.of(t1));
    petitions(DataKeys.of(List.of(d1, d2)), Tokens.of(t1)); // rotation: d2 now seals

    assertThatThrownBy(() -> petitions(DataKeys.of(d1), Tokens.of(t1)))
        .hasMessageContaining("data key 'd2' sealed stored personal data but is not configured");
    assertThat(store).isInstanceOf(KeyFingerprintStore.class);
    assertThat(((KeyFingerprintStore) store).keyFingerprints()).extracting(KeyFingerprint::keyId)
        .containsExactlyInAnyOrder("identity", "d1", "d2", "d3", "t1");
  }
}
