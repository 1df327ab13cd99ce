package org.petition.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes, verifier keys and checkpoints against the known answers of Go's golang.org/x/mod/sumdb/note
 * (note_test.go: the PeterNeumann signer key, its verifier key and its signature, which Ed25519's
 * determinism lets us reproduce byte for byte; the EnochRoot verifier key and signature), the C2SP
 * tlog-checkpoint example and sumdb/tlog's tree note.
 */
class SignedNoteTest {

  static final String PETER_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String PETER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String ENOCH = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT = "If you think cryptography is the answer to your problem,\n"
      + "then you don't know what your problem is.\n";
  static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqd"
      + "ngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTG"
      + "wnWLox33WWd1RvMc+QQ=\n";

  @Test
  void goesSignerKeyGivesGoesVerifierKeyAndSignatureByteForByte() {
    LogKey peter = LogKey.ofSeed("PeterNeumann", PETER_SIGNER_KEY);
    assertThat(peter.verifierKey()).isEqualTo(PETER);
    assertThat(peter.id()).isEqualTo(0xc74f20a3);
    assertThat(SignedNote.sign(TEXT, List.of(peter))).isEqualTo(TEXT + "\n" + PETER_SIG);
    // The same seed given as plain base64, as configuration usually holds it.
    byte[] seed = Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
    LogKey plain = LogKey.ofSeed("PeterNeumann",
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(seed, 1, 33)));
    assertThat(plain.verifierKey()).isEqualTo(PETER);
    assertThat(peter.toString()).isEqualTo("LogKey[PeterNeumann+c74f20a3]");
  }

  @Test
  void goesNotesOpen() {
    NoteVerifier peter = NoteVerifier.parse(PETER);
    NoteVerifier enoch = NoteVerifier.parse(ENOCH);
    assertThat(peter.toString()).isEqualTo(PETER);
    assertThat(enoch.toString()).isEqualTo(ENOCH);

    SignedNote.Opened one = SignedNote.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(peter));
    assertThat(one.text()).isEqualTo(TEXT);
    assertThat(one.signedBy()).containsExactly(peter);
    assertThat(one.otherSigners()).containsExactly("EnochRoot+af0cfe78");

    SignedNote.Opened both = SignedNote.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(peter, enoch));
    assertThat(both.signedBy()).containsExactly(peter, enoch);
    assertThat(both.otherSigners()).isEmpty();

    assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of()))
        .hasMessage("the note is not signed by any known key (signed by: PeterNeumann+c74f20a3, EnochRoot+af0cfe78; "
            + "known: )");
    assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60),
        List.of(peter))).hasMessage("the signature by key PeterNeumann+c74f20a3 does not verify");
    // Repeated signatures count once; a known key's bad signature rejects the note even beside a good one.
    assertThat(SignedNote.open(TEXT + "\n" + PETER_SIG + PETER_SIG, List.of(peter)).signedBy()).containsExactly(peter);
    assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG.substring(0, 60) + "ABCD"
        + ENOCH_SIG.substring(60), List.of(peter, enoch))).hasMessage("the signature by key EnochRoot+af0cfe78 does not verify");
    assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + PETER_SIG.repeat(101), List.of(peter)))
        .hasMessage("malformed note: more than 100 signatures");
  }

  @Test
  void goesMalformedNotesAreRefused() {
    NoteVerifier peter = NoteVerifier.parse(PETER);
    List<String> bad = List.of(
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
        "\u0001" + TEXT + "\n" + PETER_SIG,
        TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6Ryy"
            + "BwJnAM=",
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        TEXT + "\n" + PETER_SIG.replace("\u2014", "-"),
        TEXT + "\n" + PETER_SIG.replace("AM=", "AM"),
        TEXT + "\n" + PETER_SIG.replace("x08go/", "x08go/ "));
    for (String note : bad) {
      assertThatThrownBy(() -> SignedNote.open(note, List.of(peter))).as(note)
          .isInstanceOf(SignedNote.InvalidNoteException.class).hasMessageStartingWith("malformed note");
    }
    byte[] invalidUtf8 = ("x" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
    invalidUtf8[0] = (byte) 0xff;
    assertThatThrownBy(() -> SignedNote.open(invalidUtf8, List.of(peter))).hasMessage("malformed note: not valid UTF-8");
    assertThat(SignedNote.open((TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8), List.of(peter)).text())
        .isEqualTo(TEXT);
  }

  @Test
  void everyManglingOfAVerifierKeyIsRefused() {
    // Go's TestNewVerifier: every proper substring and every single-byte change.
    for (int i = 0; i <= PETER.length(); i++) {
      for (int j = i + 1; j <= PETER.length(); j++) {
        if (i != 0 || j != PETER.length()) {
          String mangled = PETER.substring(i, j);
          assertThatThrownBy(() -> NoteVerifier.parse(mangled)).as(mangled).isInstanceOf(IllegalArgumentException.class);
        }
      }
    }
    for (int i = 0; i < PETER.length(); i++) {
      char[] chars = PETER.toCharArray();
      chars[i]++;
      String mangled = new String(chars);
      assertThatThrownBy(() -> NoteVerifier.parse(mangled)).as(mangled).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
        .hasMessageEndingWith("is not canonical padded base64"); // Go reads it, then refuses its length
    assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEw=="))
        .hasMessageStartingWith("an Ed25519 verifier key holds 33 bytes, not 37");
    assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageStartingWith("unknown signature type in verifier key");
    assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessage("the key id of verifier key PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW is "
            + "not the one its name and key give (c74f20a3)");
  }

  @Test
  void keyIdsAreComputedAsC2spSays() throws Exception {
    // key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4], computed here without NoteVerifier.
    LogKey key = LogKey.generate("example.org/log", new SecureRandom());
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update("example.org/log\n".getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 1);
    sha.update(key.verifier().publicKey());
    byte[] hash = sha.digest();
    int expected = (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
    assertThat(key.id()).isEqualTo(expected);
    assertThat(key.verifierKey()).startsWith(String.format("example.org/log+%08x+", expected));
    assertThat(NoteVerifier.parse(key.verifierKey())).isEqualTo(key.verifier());
  }

  @Test
  void theC2spAndGoCheckpointTextsParse() {
    String c2sp = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    Checkpoint checkpoint = Checkpoint.parse(c2sp);
    assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(checkpoint.size()).isEqualTo(20852163);
    assertThat(checkpoint.text()).isEqualTo(c2sp);
    String go = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
    assertThat(Checkpoint.parse(go).text()).isEqualTo(go);
    assertThat(Checkpoint.parse(go + "an extension line\n").text()).isEqualTo(go);
    for (String bad : List.of(
        "go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
        "go.sum database tree\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n99999999999999999999\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=",
        "go.sum database tree\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n\n",
        "\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n1\n")) {
      assertThatThrownBy(() -> Checkpoint.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCheckpointIsSignedByTheLastKeyAndOpensWithAnyPublishedOne() {
    LogKeys keys = LogKeys.of(List.of(LogKey.generate("example.org/log", new SecureRandom()),
        LogKey.generate("example.org/log", new SecureRandom())));
    Checkpoint checkpoint = new Checkpoint(Checkpoint.origin("https://Example.org/", "my-petition"), 3, new byte[32]);
    assertThat(checkpoint.text()).isEqualTo("example.org/petitions/my-petition\n3\n"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
    String note = checkpoint.sign(keys);
    assertThat(note).startsWith(checkpoint.text() + "\n\u2014 example.org/log ");
    assertThat(note.lines().toList()).hasSize(5);
    assertThat(Checkpoint.open(note, keys.verifiers())).isEqualTo(checkpoint);
    assertThat(SignedNote.open(note, keys.verifiers()).signedBy()).containsExactly(keys.signer().verifier());
    assertThat(keys.verifierKeys().lines().map(NoteVerifier::parse).toList()).isEqualTo(keys.verifiers());
    assertThatThrownBy(() -> Checkpoint.open(note, List.of(keys.keys().get(0).verifier())))
        .hasMessageStartingWith("the note is not signed by any known key (signed by: example.org/log+");
    assertThat(Checkpoint.origin("http://localhost:8080/campaigns/", "x")).isEqualTo("localhost:8080/campaigns/petitions/x");
  }

  @Test
  void configurationMistakesAreNamedPrecisely() {
    String seed = Base64.getEncoder().encodeToString(new byte[32]);
    String other = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of()))
        .hasMessage("keys: at least one log key is needed to sign checkpoints");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec(" ", seed))))
        .hasMessage("keys[0].name must be set (a key name, e.g. example.org/log)");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a", seed), new LogKeys.Spec("b", ""))))
        .hasMessage("keys[1].seed must be set (openssl rand -base64 32)");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a+b", seed))))
        .hasMessage("keys[0].name: a key name must not contain '+': a+b");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a b", seed))))
        .hasMessage("keys[0].name: a key name must not contain white space: a b");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a\u00a0b", seed))))
        .hasMessage("keys[0].name: a key name must not contain white space: a\u00a0b");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a", "c2VjcmV0!"))))
        .hasMessage("keys[0].seed: the seed of log key 'a' is not standard base64");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a", "c2VjcmV0"))))
        .hasMessage("keys[0].seed: the seed of log key 'a' must be 32 bytes (an Ed25519 seed), was 6");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("a", seed), new LogKeys.Spec("b", seed))))
        .hasMessage("keys[0] and keys[1] have the same seed: give each its own");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("OtherName", PETER_SIGNER_KEY))))
        .hasMessage("keys[0].seed: the seed of log key 'OtherName' is a signer key for another name");
    assertThatThrownBy(() -> LogKeys.fromSpecs(List.of(new LogKeys.Spec("PeterNeumann",
        PETER_SIGNER_KEY.replace("c74f20a3", "c74f20a4")))))
        .hasMessage("keys[0].seed: the seed of log key 'PeterNeumann' is a signer key whose key id does not match its key");
    LogKeys keys = LogKeys.fromSpecs(List.of(new LogKeys.Spec("a", seed), new LogKeys.Spec("b", other)));
    assertThat(keys.signer().name()).isEqualTo("b");
    assertThat(keys.toString()).doesNotContain(seed).doesNotContain(other);
    assertThat(new LogKeys.Spec("a", seed).toString()).doesNotContain(seed);
    List<Throwable> thrown = new ArrayList<>();
    try {
      LogKeys.fromSpecs(List.of(new LogKeys.Spec("a", seed.substring(0, 43) + "!")));
    } catch (IllegalArgumentException e) {
      thrown.add(e);
    }
    assertThat(thrown).singleElement().extracting(Throwable::getMessage).asString().doesNotContain(seed.substring(0, 10));
  }
}
