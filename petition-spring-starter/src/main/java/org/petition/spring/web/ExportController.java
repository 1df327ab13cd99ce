package org.petition.spring.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.ExportLevel;
import org.petition.LogAnswer;
import org.petition.Petitions;
import org.petition.Violation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/petitions/{slug}/export.csv?level=COUNTS|PUBLIC}: the public levels of the delivery export
 * ({@link Petitions#export}), CSV ending with the signed checkpoint its rows correspond to. {@code TARGET}, with
 * the names signers gave, is never served here: only through the library (and an application's own
 * authenticated page).
 */
@RestController
public class ExportController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Petitions petitions;

  public ExportController(Petitions petitions) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
  }

  @GetMapping("/api/petitions/{slug}/export.csv")
  public ResponseEntity<?> export(@PathVariable("slug") String slug,
      @RequestParam(name = "level", required = false) @Nullable String level) throws IOException {
    ExportLevel chosen;
    if ("COUNTS".equalsIgnoreCase(level)) {
      chosen = ExportLevel.COUNTS;
    } else if ("PUBLIC".equalsIgnoreCase(level)) {
      chosen = ExportLevel.PUBLIC;
    } else {
      return ApiResponses.invalid(new Violation("level", "export.level",
          "level must be COUNTS or PUBLIC (TARGET is for the petition's recipient and is not served publicly)"));
    }
    StringWriter out = new StringWriter();
    LogAnswer<String> answer = petitions.export(slug, chosen, out);
    if (answer instanceof LogAnswer.UnknownPetition<String>) {
      return ApiResponses.notFound();
    }
    if (!(answer instanceof LogAnswer.Found<String>)) {
      return ApiResponses.status(HttpStatus.SERVICE_UNAVAILABLE, "NO_CHECKPOINT");
    }
    return ResponseEntity.ok().contentType(CSV).cacheControl(CacheControl.noCache())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(slug + "-" + chosen.name().toLowerCase(Locale.ROOT) + ".csv").build().toString())
        .body(out.toString());
  }
}
