package org.petition.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies the REST API answers with. Field names are the API's contract: multi-word ones are named
 * explicitly and {@code null}s are written, so an application's own Jackson settings (a naming strategy,
 * leaving out nulls) do not change what clients read.
 */
public sealed interface ApiBody {

  /** {@code {"status":"PENDING"}} and every other answer that is a status alone. */
  record Status(String status) implements ApiBody {}

  /** {@code {"status":"CONFIRMED","number":42}}: a confirmation, with the signer's number. */
  record Numbered(String status, long number) implements ApiBody {}

  /**
   * {@code {"status":"CONFIRMED","number":42,"receipt":{"index":41,"entry":"<base64>"}}}: a confirmation with
   * the signer's transparency-log receipt (the entry that made the signature count, and its index).
   */
  record Confirmation(String status, long number, Receipt receipt) implements ApiBody {}

  /**
   * {@code {"status":"CONFIRMED","number":42,"receipt":{...},"inviteToken":"..."}}: a confirmation of a signature
   * that counts, with the signer's invite token ({@code POST /api/petitions/{slug}/invitations}); the receipt is
   * left out when no log is kept.
   */
  record InvitingConfirmation(String status, long number,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Receipt receipt,
      @JsonProperty("inviteToken") String inviteToken) implements ApiBody {}

  /** {@code {"sent":2,"skipped":1}}: invitations handed to the mail, and addresses skipped (which is not said). */
  record Invited(int sent, int skipped) implements ApiBody {}

  /** {@code {"sent":20,"signatures":3}}: a petition's invitations sent, and the signatures from them that count. */
  record InvitationCounts(long sent, long signatures) implements ApiBody {}

  /** A transparency-log receipt: the entry's index in the petition's log and its bytes in base64. */
  record Receipt(long index, String entry) {}

  /** {@code {"entries":["<base64 of entry bytes>",...]}}. */
  record LogEntries(List<String> entries) implements ApiBody {}

  /** {@code {"index":i,"size":n,"path":["<base64 hash>",...]}}: an RFC 9162 inclusion proof. */
  record InclusionProof(long index, long size, List<String> path) implements ApiBody {}

  /** {@code {"from":m,"to":n,"path":["<base64 hash>",...]}}: an RFC 9162 consistency proof. */
  record ConsistencyProof(long from, long to, List<String> path) implements ApiBody {}

  /** {@code {"status":"REJECTED","errors":[...]}}: what was wrong, field by field. */
  record Rejected(String status, List<FieldError> errors) implements ApiBody {}

  /** {@code {"status":"SIGNED_IN","email":"...","verified":true}}: who the session's returning signer is. */
  record SignedIn(String status, String email, boolean verified) implements ApiBody {}

  /** One thing wrong with a request: the field, a stable code and a message for people. */
  record FieldError(String field, String code, String message) {}

  /**
   * A petition with its counts, as {@code GET /api/petitions/{slug}} shows it, and a fresh form token for an
   * API client to send back with its signing.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PetitionDetails(
      String slug,
      String title,
      String target,
      String text,
      long goal,
      long confirmed,
      boolean open,
      @JsonProperty("opensAt") @Nullable String opensAt,
      @JsonProperty("closesAt") @Nullable String closesAt,
      Map<String, CountryCount> countries,
      List<Consent> consents,
      @JsonProperty("formToken") String formToken,
      @JsonProperty("letterLimit") int letterLimit)
      implements ApiBody {}

  /** A petition many of this one's signers also signed: {@code GET /api/petitions/{slug}/related}, no count. */
  record Related(String slug, String title, String target) {}

  /** One country's count and goal. */
  record CountryCount(long confirmed, long goal) {}

  /** A consent document a signer is shown. */
  record Consent(String id, String version, String purpose, boolean required) {}

  /** A page of the public list of signatures, newest first; {@code next} is the cursor of the next page. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SignatureList(List<Signature> items, @Nullable String next) implements ApiBody {}

  /** One public signature. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Signature(
      long number,
      @JsonProperty("signedAt") String signedAt,
      String name,
      @Nullable String comment,
      @Nullable String affiliation,
      @Nullable String city,
      @Nullable String country,
      boolean organization) {}
}
