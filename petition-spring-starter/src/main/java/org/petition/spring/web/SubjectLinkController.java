package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.petition.AccessResult;
import org.petition.ErasureResult;
import org.petition.Petitions;
import org.petition.token.TokenPurpose;
import org.petition.token.Tokens;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The pages behind the data-subject links: {@code /erase} (erasure of everything held about an address) and
 * {@code /access} (a download of it as JSON). Each GET only shows a button (mail scanners prefetch links); its
 * POST acts. The token in the form is the credential, so no other site can make the POST for someone.
 */
@Controller
@RequestMapping("${petition.web.base-path:}")
public class SubjectLinkController {

  private final Petitions petitions;
  private final LinkPages pages;
  private final @Nullable Tokens tokens;
  private final Clock clock;

  /** @param tokens the link keys, to tell an expired or foreign link on the GET already; may be null */
  public SubjectLinkController(Petitions petitions, LinkPages pages, @Nullable Tokens tokens, Clock clock) {
    this.petitions = Objects.requireNonNull(petitions, "petitions must not be null");
    this.pages = Objects.requireNonNull(pages, "pages must not be null");
    this.tokens = tokens;
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @GetMapping("/erase")
  public ResponseEntity<String> eraseForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    return form("erase", token, TokenPurpose.ERASE, "erase.title", "erase.prompt", "erase.button", request);
  }

  @PostMapping("/erase")
  public ResponseEntity<String> erase(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    ErasureResult result = petitions.subjects().confirmErasure(token);
    Locale locale = RequestContextUtils.getLocale(request);
    if (result instanceof ErasureResult.Erased erased) {
      return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage("erase.title", "erase.done",
          List.of(erased.signatures()), null, null, "./"), locale));
    }
    if (result instanceof ErasureResult.AlreadyErased) {
      return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage("erase.title", "erase.already", List.of(),
          null, null, "./"), locale));
    }
    HttpStatus status = result instanceof ErasureResult.Expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
    return LinkResponses.html(status, pages.page(LinkResponses.refused("erase.title", status, "./"), locale));
  }

  @GetMapping("/access")
  public ResponseEntity<String> accessForm(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    return form("access", token, TokenPurpose.ACCESS, "access.title", "access.prompt", "access.button", request);
  }

  /** The download: the subject-access export as a JSON attachment, never cached. */
  @PostMapping("/access")
  public ResponseEntity<?> access(@RequestParam(name = "token", required = false) @Nullable String token,
      HttpServletRequest request) {
    AccessResult result = petitions.subjects().accessByLink(token);
    if (result instanceof AccessResult.Granted granted) {
      return ResponseEntity.ok()
          .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
          .cacheControl(CacheControl.noStore())
          .header("Content-Disposition", ContentDisposition.attachment().filename("petition-personal-data.json")
              .build().toString())
          .header("X-Robots-Tag", "noindex, nofollow")
          .header("Referrer-Policy", "no-referrer")
          .body(granted.json());
    }
    HttpStatus status = result instanceof AccessResult.Expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
    return LinkResponses.html(status, pages.page(LinkResponses.refused("access.title", status, "./"),
        RequestContextUtils.getLocale(request)));
  }

  private ResponseEntity<String> form(String action, @Nullable String token, TokenPurpose purpose, String title,
      String prompt, String button, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    HttpStatus refusal = LinkResponses.refusal(tokens, clock, token, purpose);
    if (refusal != null || token == null) {
      HttpStatus status = refusal == null ? HttpStatus.BAD_REQUEST : refusal;
      return LinkResponses.html(status, pages.page(LinkResponses.refused(title, status, "./"), locale));
    }
    return LinkResponses.html(HttpStatus.OK, pages.page(new LinkPage(title, prompt, List.of(), null,
        new LinkPage.Form(action, token, button, false), "./"), locale));
  }
}
