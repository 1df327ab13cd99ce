package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.petition.privacy.ConsentFixtures.EVIDENCE;
import static org.petition.privacy.ConsentFixtures.NEWSLETTER;
import static org.petition.privacy.ConsentFixtures.T0;
import static org.petition.privacy.ConsentFixtures.TERMS;
import static org.petition.privacy.ConsentFixtures.subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;


class ConsentLedgerTest {

  private final ConsentLedger ledger = ConsentLedger.inMemory();
  private final String alice = subject(1);
  private final String bob = subject(2);

  @Test
  void appendsAndReadsBackTheRecordsOfOneSubjectInOrder() {
    ConsentRecord terms = ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", TERMS, T0, EVIDENCE));
    ledger.append(ConsentRecord.Draft.grant(bob, "save-the-park", TERMS, T0, EVIDENCE));
    ConsentRecord news = ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", NEWSLETTER, T0.plusSeconds(1), EVIDENCE));

    assertThat(ledger.recordsOf(alice)).containsExactly(terms, news);
    assertThat(ledger.recordsOf(subject(99))).isEmpty();
    assertThat(ledger.verify()).isEqualTo(new VerificationReport.Ok(3));
    assertThat(ledger.isGranted(alice, "save-the-park", ConsentPurpose.NEWSLETTER)).isTrue();
    assertThat(ledger.isGranted(alice, "other", ConsentPurpose.NEWSLETTER)).isFalse();
  }

  @Test
  void refusesToAppendAWithdrawalThatSkipsTheCheck() {
    ConsentRecord.Draft grant = ConsentRecord.Draft.grant(alice, "save-the-park", TERMS, T0, EVIDENCE);
    ConsentRecord.Draft withdrawal =
        new ConsentRecord.Draft(alice, grant.petition(), grant.purpose(), grant.documentId(), grant.documentVersion(),
            grant.documentSha256(), ConsentRecord.Action.WITHDRAWN, T0, EVIDENCE);

    assertThatThrownBy(() -> ledger.append(withdrawal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("append takes grants only; use withdraw to withdraw a consent");
  }

  @Test
  void withdrawsAConsentInForceNamingTheGrantedDocument() {
    ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", NEWSLETTER, T0, EVIDENCE));

    WithdrawResult result =
        ledger.withdraw(alice, "save-the-park", ConsentPurpose.NEWSLETTER, T0.plusSeconds(60), ConsentRecord.Evidence.none());

    assertThat(result).isInstanceOf(WithdrawResult.Withdrawn.class);
    ConsentRecord record = ((WithdrawResult.Withdrawn) result).record();
    assertThat(record.action()).isEqualTo(ConsentRecord.Action.WITHDRAWN);
    assertThat(record.documentId()).isEqualTo("newsletter");
    assertThat(record.documentSha256()).isEqualTo(NEWSLETTER.sha256());
    assertThat(record.sequence()).isEqualTo(1);
    assertThat(ledger.isGranted(alice, "save-the-park", ConsentPurpose.NEWSLETTER)).isFalse();
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void withdrawingWhatWasNeverGrantedOrAlreadyWithdrawnAppendsNothing() {
    ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", NEWSLETTER, T0, EVIDENCE));

    assertThat(ledger.withdraw(bob, "save-the-park", ConsentPurpose.NEWSLETTER, T0, EVIDENCE))
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.withdraw(alice, "save-the-park", ConsentPurpose.TERMS, T0, EVIDENCE))
        .as("another purpose")
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.withdraw(alice, "other-petition", ConsentPurpose.NEWSLETTER, T0, EVIDENCE))
        .as("another petition")
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.withdraw(alice, "save-the-park", ConsentPurpose.NEWSLETTER, T0, EVIDENCE))
        .isInstanceOf(WithdrawResult.Withdrawn.class);
    assertThat(ledger.withdraw(alice, "save-the-park", ConsentPurpose.NEWSLETTER, T0, EVIDENCE))
        .as("already withdrawn")
        .isEqualTo(new WithdrawResult.NotGranted());
    assertThat(ledger.recordsOf(alice)).hasSize(2);
    assertThat(ledger.recordsOf(bob)).isEmpty();
  }

  @Test
  void aNewGrantAfterAWithdrawalCanBeWithdrawnAgain() {
    ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", NEWSLETTER, T0, EVIDENCE));
    ledger.withdraw(alice, "save-the-park", ConsentPurpose.NEWSLETTER, T0, EVIDENCE);
    ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", NEWSLETTER, T0.plusSeconds(5), EVIDENCE));

    assertThat(ledger.withdraw(alice, "save-the-park", ConsentPurpose.NEWSLETTER, T0.plusSeconds(9), EVIDENCE))
        .isInstanceOf(WithdrawResult.Withdrawn.class);
    assertThat(ledger.recordsOf(alice)).extracting(ConsentRecord::action)
        .containsExactly(ConsentRecord.Action.GRANTED, ConsentRecord.Action.WITHDRAWN, ConsentRecord.Action.GRANTED,
            ConsentRecord.Action.WITHDRAWN);
  }

  @Test
  void withdrawalOfHelpsOtherImplementations() {
    ConsentRecord grant = ConsentChain.ofDefaults().link(ConsentRecord.Draft.grant(alice, "p", TERMS, T0, EVIDENCE), null);

    assertThat(ConsentLedger.withdrawalOf(List.of(grant), "p", ConsentPurpose.TERMS, T0, EVIDENCE))
        .hasValueSatisfying(draft -> assertThat(draft.action()).isEqualTo(ConsentRecord.Action.WITHDRAWN));
    assertThat(ConsentLedger.withdrawalOf(List.of(), "p", ConsentPurpose.TERMS, T0, EVIDENCE)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void exportsEveryRecordOfOneSubjectAsJson() {
    ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", TERMS, T0, EVIDENCE));
    ledger.append(ConsentRecord.Draft.grant(bob, "save-the-park", TERMS, T0, EVIDENCE));
    ledger.withdraw(alice, "save-the-park", ConsentPurpose.TERMS, T0.plusSeconds(3), ConsentRecord.Evidence.none());

    Map<String, Object> export = (Map<String, Object>) MiniJson.parse(ledger.exportJson(alice));

    assertThat(export).containsEntry("format", "petition.consent-export.v1").containsEntry("subject", alice);
    List<Object> records = (List<Object>) export.get("records");
    assertThat(records).hasSize(2);
    Map<String, Object> first = (Map<String, Object>) records.get(0);
    ConsentRecord stored = ledger.recordsOf(alice).get(0);
    assertThat(first)
        .containsEntry("chain", stored.chain())
        .containsEntry("sequence", 0L)
        .containsEntry("petition", "save-the-park")
        .containsEntry("purpose", "TERMS")
        .containsEntry("documentId", "terms")
        .containsEntry("documentVersion", "2025-01")
        .containsEntry("documentSha256", TERMS.sha256())
        .containsEntry("action", "GRANTED")
        .containsEntry("at", "2025-03-01T10:15:30.123456789Z")
        .containsEntry("previousHash", ConsentChain.GENESIS_HASH)
        .containsEntry("hash", stored.hash());
    assertThat((Map<String, Object>) first.get("evidence"))
        .containsEntry("formId", "form-1")
        .containsEntry("truncatedIp", "203.0.113.0/24")
        .containsEntry("userAgentSha256", Pseudonyms.userAgentHash("Mozilla/5.0"))
        .containsEntry("locale", "ko-KR");
    Map<String, Object> second = (Map<String, Object>) records.get(1);
    assertThat(second).containsEntry("action", "WITHDRAWN");
    assertThat((Map<String, Object>) second.get("evidence")).containsEntry("formId", MiniJson.NULL);
  }

  @Test
  @SuppressWarnings("unchecked")
  void exportEscapesEveryCharacterThatNeedsIt() {
    String formId = "a\"b\\c\nd\re\tf\u0000g\u001Fh\u2028i\u2029j\u007Fk</script>é😀";
    ledger.append(ConsentRecord.Draft.grant(alice, "save-the-park", TERMS, T0, new ConsentRecord.Evidence(formId, null, null, null)));

    String json = ledger.exportJson(alice);

    assertThat(json).doesNotContain("\n", "\r", "\t", "\u0000", "\u001F", "\u2028", "\u2029", "\u007F");
    assertThat(json).contains("\\u2028", "\\u2029", "\\u0000", "\\u001f", "\\\"", "\\\\", "\\n", "é😀");
    Map<String, Object> export = (Map<String, Object>) MiniJson.parse(json);
    Map<String, Object> record = (Map<String, Object>) ((List<Object>) export.get("records")).get(0);
    assertThat((Map<String, Object>) record.get("evidence")).containsEntry("formId", formId);
  }

  @Test
  void exportOfAnUnknownSubjectHasNoRecords() {
    assertThat(ledger.exportJson(bob))
        .isEqualTo("{\"format\":\"petition.consent-export.v1\",\"subject\":\"" + bob + "\",\"records\":[]}");
  }
}
