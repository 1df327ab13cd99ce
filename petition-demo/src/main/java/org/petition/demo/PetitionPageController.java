package org.petition.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.petition.privacy.ConsentDocument;
import org.petition.CountryTally;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.PublicSignature;
import org.petition.RequestContext;
import org.petition.SignResult;
import org.petition.SignaturePage;
import org.petition.SignatureRequest;
import org.petition.SignerKind;
import org.petition.Tally;
import org.petition.Violation;
import org.petition.embed.EmbedCodes;
import org.petition.spring.PetitionDefinitionProperties;
import org.petition.spring.PetitionProperties;
import org.petition.spring.web.HttpRequestContexts;
import org.petition.spring.web.SignedInSessions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The petition pages: the petition with its counter and sign form, and the lists of who signed. */
@Controller
class PetitionPageController {

  private static final int LATEST = 10;
  private static final int PAGE = 50;
  private static final List<String> FIELDS = List.of("firstName", "lastName", "organizationName", "nickname",
      "email", "phone", "country", "city", "affiliation", "comment", "letter");

  private final Petitions petitions;
  private final PetitionProperties properties;
  private final DemoProperties demo;
  private final HttpRequestContexts contexts;
  private final MessageSource messages;

  PetitionPageController(Petitions petitions, PetitionProperties properties, DemoProperties demo,
      HttpRequestContexts contexts, MessageSource messages) {
    this.petitions = petitions;
    this.properties = properties;
    this.demo = demo;
    this.contexts = contexts;
    this.messages = messages;
  }

  @GetMapping("/")
  String home(Model model, HttpServletRequest request, HttpSession session) {
    String slug = demo.home();
    if (slug == null || petitions.petition(slug).isEmpty()) {
      slug = petitions.petitions().stream().map(Petition::slug).findFirst()
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
    return show(slug, model, request, session);
  }

  @GetMapping("/p/{slug}")
  String petition(@PathVariable("slug") String slug, Model model, HttpServletRequest request, HttpSession session) {
    return show(slug, model, request, session);
  }

  @PostMapping("/p/{slug}/sign")
  String sign(@PathVariable("slug") String slug, @RequestParam Map<String, String> form,
      @RequestParam(name = "consents", required = false) @Nullable List<String> consents,
      @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, Model model,
      HttpServletRequest request, HttpServletResponse response, HttpSession session, RedirectAttributes redirect)
      throws java.io.IOException {
    Petition petition = petitions.petition(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Locale locale = RequestContextUtils.getLocale(request);
    if (!CsrfTokens.matches(request.getSession(false), form.get(CsrfTokens.FIELD))) {
      return expired(petition, locale, model, request, response, session);
    }
    SignerKind kind = "ORGANIZATION".equals(form.get("kind")) ? SignerKind.ORGANIZATION : SignerKind.PERSON;
    // The render time is the one the server signed into the form token; the page sends no time of its own.
    RequestContext context = contexts.ofForm(request, form.get("formToken"), form.get("website"), "demo", locale);
    SignatureRequest signing = new SignatureRequest(slug, kind,
        kind == SignerKind.PERSON ? form.get("firstName") : null,
        kind == SignerKind.PERSON ? form.get("lastName") : null,
        kind == SignerKind.ORGANIZATION ? form.get("organizationName") : null,
        form.get("nickname"), form.get("email"), form.get("phone"), form.get("country"), form.get("city"),
        form.get("affiliation"), form.get("comment"),
        consents == null ? java.util.Set.of() : new LinkedHashSet<>(consents), context,
        petition.invitesLetters() ? form.get("letter") : null);
    // A logged-in returning signer with a verified address is counted at once.
    // A photo campaign's form is multipart; an empty file part means no photo was chosen.
    byte[] upload = photo == null || photo.isEmpty() ? null : photo.getBytes();
    SignResult result = upload == null ? petitions.sign(signing, SignedInSessions.signer(request))
        : petitions.sign(signing, SignedInSessions.signer(request), upload);
    if (result instanceof SignResult.Rejected rejected) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      Map<String, String> errors = new LinkedHashMap<>();
      for (Violation violation : rejected.violations()) {
        errors.putIfAbsent(violation.field(), "letter".equals(violation.field())
            && "field.too_long".equals(violation.code())
            ? messages.getMessage("error.letter.too_long", new Object[] {petition.letterLimit()}, locale)
            : errorMessage(violation, locale));
      }
      Map<String, String> values = new LinkedHashMap<>();
      FIELDS.forEach(field -> values.put(field, Objects.requireNonNullElse(form.get(field), "")));
      values.put("kind", kind.name());
      model.addAttribute("values", values);
      model.addAttribute("checked", consents == null ? List.of() : consents);
      model.addAttribute("errors", errors);
      return show(petition.slug(), model, request, session);
    }
    if (result instanceof SignResult.Confirmed confirmed) {
      redirect.addFlashAttribute("counted", confirmed.number());
    } else {
      redirect.addFlashAttribute("signed", true);
    }
    return "redirect:/p/" + slug + "#sign";
  }

  /** "Didn't get the mail?": the same notice whether or not the address signed; only a bad address is refused. */
  @PostMapping("/p/{slug}/resend")
  String resend(@PathVariable("slug") String slug, @RequestParam Map<String, String> form, Model model,
      HttpServletRequest request, HttpServletResponse response, HttpSession session, RedirectAttributes redirect) {
    Petition petition = petitions.petition(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Locale locale = RequestContextUtils.getLocale(request);
    if (!CsrfTokens.matches(request.getSession(false), form.get(CsrfTokens.FIELD))) {
      return expired(petition, locale, model, request, response, session);
    }
    // The mail goes in the language of the page the request came from.
    if (petitions.resend(slug, form.get("email"), locale) instanceof SignResult.Rejected rejected) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("resendError", errorMessage(rejected.violations().get(0), locale));
      model.addAttribute("resendEmail", Objects.requireNonNullElse(form.get("email"), ""));
      return show(petition.slug(), model, request, session);
    }
    redirect.addFlashAttribute("resent", true);
    return "redirect:/p/" + slug + "#resend";
  }

  @GetMapping("/p/{slug}/signatures")
  String signatures(@PathVariable("slug") String slug, @RequestParam(name = "cursor", required = false) @Nullable String cursor,
      Model model, HttpServletRequest request) {
    return list(slug, null, cursor, model, request);
  }

  @GetMapping("/p/{slug}/organizations")
  String organizations(@PathVariable("slug") String slug,
      @RequestParam(name = "cursor", required = false) @Nullable String cursor, Model model, HttpServletRequest request) {
    return list(slug, SignerKind.ORGANIZATION, cursor, model, request);
  }

  private String list(String slug, @Nullable SignerKind kind, @Nullable String cursor, Model model,
      HttpServletRequest request) {
    Petition petition = petitions.petition(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Locale locale = RequestContextUtils.getLocale(request);
    SignaturePage page;
    try {
      page = kind == null ? petitions.latest(slug, blankToNull(cursor), PAGE)
          : petitions.organizations(slug, blankToNull(cursor), PAGE);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    model.addAttribute("petition", petition);
    model.addAttribute("tally", petitions.tally(slug).orElseThrow());
    model.addAttribute("signatures", views(page.items(), locale));
    model.addAttribute("next", page.next());
    model.addAttribute("noindex", page.noindex());
    model.addAttribute("organizationsOnly", kind == SignerKind.ORGANIZATION);
    model.addAttribute("lang", locale.getLanguage());
    return "signatures";
  }

  /** The page again, 403, when a form lacks the session's CSRF token (a forged post, or a session that ended). */
  private String expired(Petition petition, Locale locale, Model model, HttpServletRequest request,
      HttpServletResponse response, HttpSession session) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("notice", message("form.expired", locale));
    return show(petition.slug(), model, request, session);
  }

  private String show(String slug, Model model, HttpServletRequest request, HttpSession session) {
    Petition petition = petitions.petition(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Locale locale = RequestContextUtils.getLocale(request);
    Tally tally = petitions.tally(slug).orElseThrow();
    model.addAttribute("petition", petition);
    model.addAttribute("tally", tally);
    model.addAttribute("percent", Math.min(100, tally.percent()));
    model.addAttribute("countries", countries(tally, locale));
    model.addAttribute("paragraphs", paragraphs(petition.text()));
    model.addAttribute("open", petition.isOpenAt(petitions.clock().instant()));
    model.addAttribute("closesAt", petition.closesAt() == null ? null : date(petition.closesAt(), locale));
    model.addAttribute("latest", views(petitions.latest(slug, null, LATEST).items(), locale));
    model.addAttribute("organizations", views(petitions.organizations(slug, null, LATEST).items(), locale));
    model.addAttribute("related", petitions.related(slug, 5).orElse(List.of())); // from the store's counters
    model.addAttribute("consents", consents(petition));
    model.addAttribute("takesPhotos", petition.photos().accepts());
    model.addAttribute("photoCount", petition.photos().accepts() ? petitions.photos().published(slug, 2000).size() : 0);
    model.addAttribute("countryOptions", countryOptions(locale));
    model.addAttribute("embed", EmbedCodes.of(Objects.requireNonNull(properties.getBaseUrl()), petition));
    model.addAttribute("csrf", CsrfTokens.token(session));
    model.addAttribute("formToken", petitions.formToken(slug));
    model.addAttribute("lang", locale.getLanguage());
    model.addAttribute("noindex", petition.noindex());
    // The language links point here, not at the URL a form was posted to.
    model.addAttribute("selfPath", "/p/" + slug);
    if (!model.containsAttribute("resent")) {
      model.addAttribute("resent", false);
    }
    String signedInAs = SignedInSessions.email(request).orElse(null);
    model.addAttribute("signedInAs", signedInAs);
    if (!model.containsAttribute("counted")) {
      model.addAttribute("counted", null);
    }
    if (!model.containsAttribute("values")) {
      model.addAttribute("values", signedInAs == null ? Map.of("kind", "PERSON")
          : Map.of("kind", "PERSON", "email", signedInAs));
      model.addAttribute("checked", List.of());
      model.addAttribute("errors", Map.of());
    }
    return "petition";
  }

  /** One signature as a page shows it; every value is escaped by the template. */
  record SignatureView(long number, String date, String name, @Nullable String comment, @Nullable String affiliation,
      @Nullable String place, boolean organization) {}

  /** One country's progress. */
  record CountryView(String code, String name, long confirmed, long goal, double percent) {}

  /** One consent box: the id the form sends, the text shown, a link to the document. */
  record ConsentView(String id, String text, @Nullable String url, boolean required) {}

  /** One option of the country list. */
  record CountryOption(String code, String name) {}

  private List<SignatureView> views(List<PublicSignature> signatures, Locale locale) {
    List<SignatureView> views = new ArrayList<>(signatures.size());
    for (PublicSignature s : signatures) {
      String country = s.country() == null ? null : new Locale("", s.country()).getDisplayCountry(locale);
      String place = s.city() == null ? country : country == null ? s.city() : s.city() + ", " + country;
      views.add(new SignatureView(s.number(), date(s.signedAt(), locale), s.displayName(), s.comment(),
          s.affiliation(), place, s.kind() == SignerKind.ORGANIZATION));
    }
    return views;
  }

  private String date(Instant instant, Locale locale) {
    String pattern = messages.getMessage("date.pattern", null, "dd MMMM yyyy", locale);
    return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC).format(instant);
  }

  private static List<CountryView> countries(Tally tally, Locale locale) {
    return tally.countries().entrySet().stream()
        .filter(e -> e.getValue().goal() > 0)
        .sorted(Map.Entry.comparingByKey())
        .map(e -> {
          CountryTally country = e.getValue();
          return new CountryView(e.getKey(), new Locale("", e.getKey()).getDisplayCountry(locale),
              country.confirmed(), country.goal(), Math.min(100, country.percent()));
        })
        .toList();
  }

  private List<ConsentView> consents(Petition petition) {
    Optional<PetitionDefinitionProperties> definition = properties.getPetitions().stream()
        .filter(d -> petition.slug().equals(d.getSlug())).findFirst();
    List<ConsentView> views = new ArrayList<>();
    for (ConsentDocument document : petition.consents()) {
      PetitionDefinitionProperties.Consent configured = definition.flatMap(d -> d.getConsents().stream()
          .filter(c -> document.id().equals(c.getId())).findFirst()).orElse(null);
      String text = configured == null || configured.getText() == null ? document.id() : configured.getText();
      views.add(new ConsentView(document.id(), text, configured == null ? null : configured.getUrl(),
          document.required()));
    }
    return views;
  }

  private static List<CountryOption> countryOptions(Locale locale) {
    return java.util.Arrays.stream(Locale.getISOCountries())
        .map(code -> new CountryOption(code, new Locale("", code).getDisplayCountry(locale)))
        .sorted(Comparator.comparing(CountryOption::name, java.text.Collator.getInstance(locale)))
        .toList();
  }

  private static List<String> paragraphs(String text) {
    return java.util.Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  private String errorMessage(Violation violation, Locale locale) {
    String specific = messages.getMessage("error." + violation.code(), null, null, locale);
    return specific != null ? specific : messages.getMessage("error.generic", null, violation.message(), locale);
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
