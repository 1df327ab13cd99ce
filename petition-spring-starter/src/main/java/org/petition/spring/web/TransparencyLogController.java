package org.petition.spring.web;

import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.LogAnswer;
import org.petition.Petitions;
import org.petition.TransparencyLog;
import org.petition.Violation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency log's HTTP API, what {@code org.petition.log.Verify} and any RFC 9162 / C2SP tool read:
 * the verifier keys, a petition's latest signed checkpoint, its entries (at most 1,000 per call), and
 * inclusion and consistency proofs. A malformed or out-of-range parameter is a {@code 400} naming it; an
 * unknown petition a {@code 404}.
 */
@RestController
public class TransparencyLogController {

  private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

  private final TransparencyLog log;

  public TransparencyLogController(Petitions petitions) {
    this.log = Objects.requireNonNull(petitions, "petitions must not be null").log();
  }

  /** The verifier keys, one a line. */
  @GetMapping("/api/log/keys")
  public ResponseEntity<?> keys() {
    return text(log.verifierKeys());
  }

  /** The latest signed checkpoint (a C2SP signed note). */
  @GetMapping("/api/petitions/{slug}/checkpoint")
  public ResponseEntity<?> checkpoint(@PathVariable("slug") String slug) {
    return text(log.checkpoint(slug));
  }

  /** {@code {"entries":["<base64 of entry bytes>",...]}}, entries start to end - 1, at most 1,000. */
  @GetMapping("/api/petitions/{slug}/log/entries")
  public ResponseEntity<?> entries(@PathVariable("slug") String slug, @RequestParam(name = "start", required = false) @Nullable String start,
      @RequestParam(name = "end", required = false) @Nullable String end) {
    Number first = number("start", start);
    Number last = number("end", end);
    if (first.bad != null || last.bad != null) {
      return Objects.requireNonNull(first.bad != null ? first.bad : last.bad);
    }
    return json(log.entries(slug, first.value, last.value), entries -> new ApiBody.LogEntries(base64(entries)));
  }

  /** {@code {"index":i,"size":n,"path":[...]}}: the RFC 9162 inclusion proof. */
  @GetMapping("/api/petitions/{slug}/log/inclusion")
  public ResponseEntity<?> inclusion(@PathVariable("slug") String slug, @RequestParam(name = "index", required = false) @Nullable String index,
      @RequestParam(name = "size", required = false) @Nullable String size) {
    Number i = number("index", index);
    Number n = number("size", size);
    if (i.bad != null || n.bad != null) {
      return Objects.requireNonNull(i.bad != null ? i.bad : n.bad);
    }
    return json(log.inclusion(slug, i.value, n.value),
        path -> new ApiBody.InclusionProof(i.value, n.value, base64(path)));
  }

  /** {@code {"from":m,"to":n,"path":[...]}}: the RFC 9162 consistency proof. */
  @GetMapping("/api/petitions/{slug}/log/consistency")
  public ResponseEntity<?> consistency(@PathVariable("slug") String slug, @RequestParam(name = "from", required = false) @Nullable String from,
      @RequestParam(name = "to", required = false) @Nullable String to) {
    Number m = number("from", from);
    Number n = number("to", to);
    if (m.bad != null || n.bad != null) {
      return Objects.requireNonNull(m.bad != null ? m.bad : n.bad);
    }
    return json(log.consistency(slug, m.value, n.value),
        path -> new ApiBody.ConsistencyProof(m.value, n.value, base64(path)));
  }

  /** A query parameter read as a whole number of 0 or more, or the 400 that names it. */
  private record Number(long value, @Nullable ResponseEntity<ApiBody> bad) {}

  private static Number number(String name, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      return new Number(0, bad(name, "log.parameter.missing", name + " is required"));
    }
    if (text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new Number(0, bad(name, "log.parameter.malformed", name + " must be a whole number of 0 or more"));
    }
    return new Number(Long.parseLong(text), null);
  }

  private static ResponseEntity<ApiBody> bad(String parameter, String code, String message) {
    return ApiResponses.invalid(new Violation(parameter, code, message));
  }

  private static List<String> base64(List<byte[]> values) {
    return values.stream().map(Base64.getEncoder()::encodeToString).toList();
  }

  private static ResponseEntity<?> text(LogAnswer<String> answer) {
    if (answer instanceof LogAnswer.Found<String> found) {
      return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache()).body(found.value());
    }
    return failure(answer);
  }

  private static <T> ResponseEntity<?> json(LogAnswer<T> answer, java.util.function.Function<T, ApiBody> body) {
    if (answer instanceof LogAnswer.Found<T> found) {
      return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body.apply(found.value()));
    }
    return failure(answer);
  }

  private static ResponseEntity<ApiBody> failure(LogAnswer<?> answer) {
    if (answer instanceof LogAnswer.BadParameter<?> bad) {
      return bad(bad.parameter(), "log.parameter.out_of_range", bad.parameter() + " " + bad.reason());
    }
    if (answer instanceof LogAnswer.UnknownPetition<?>) {
      return ApiResponses.notFound();
    }
    return ApiResponses.status(HttpStatus.NOT_FOUND, "NO_LOG");
  }
}
