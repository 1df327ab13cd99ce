package org.petition.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.petition.ExportLevel;
import org.petition.LogAnswer;
import org.petition.Petition;
import org.petition.Petitions;
import org.springframework.web.util.HtmlUtils;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/export}: the delivery for a petition's official recipient, the {@code TARGET} level of {@link
 * Petitions#export} (the names signers gave), as CSV ending with the signed checkpoint. Only for the
 * administrator of {@link DemoSecurityConfiguration}; without one configured, this page does not exist.
 */
@RestController
@Conditional(AdminConfigured.class)
class AdminExportController {

  private final Petitions petitions;

  AdminExportController(Petitions petitions) {
    this.petitions = petitions;
  }

  /** A list of the petitions, each with its download link. */
  @GetMapping(value = "/admin/export", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Delivery export</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>"
        + "<main class=\"wrap\"><h1>Delivery to the recipient</h1><p>The names signers gave, city, country, date"
        + " and comment, for the petition's official recipient only. The file ends with the signed checkpoint of"
        + " the public log its rows correspond to.</p><ul>");
    for (Petition petition : petitions.petitions()) {
      html.append("<li><a href=\"/admin/export/").append(HtmlUtils.htmlEscape(petition.slug())).append(".csv\">")
          .append(HtmlUtils.htmlEscape(petition.title())).append("</a></li>");
    }
    return html.append("</ul></main></body></html>").toString();
  }

  @GetMapping("/admin/export/{slug}.csv")
  ResponseEntity<String> export(@PathVariable("slug") String slug) throws IOException {
    StringWriter out = new StringWriter();
    LogAnswer<String> answer = petitions.export(slug, ExportLevel.TARGET, out);
    if (answer instanceof LogAnswer.UnknownPetition<String>) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no such petition");
    }
    if (!(answer instanceof LogAnswer.Found<String>)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("no signed checkpoint could be made");
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(slug + "-target.csv").build().toString())
        .body(out.toString());
  }
}
