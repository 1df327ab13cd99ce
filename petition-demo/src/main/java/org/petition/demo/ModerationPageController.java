package org.petition.demo;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.moderation.BulkResult;
import org.petition.store.SignatureCriteria;
import org.petition.store.SignatureState;
import org.petition.store.StoredSignature;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderation console's pages, {@code /admin/moderation}: a petition's held signatures with their findings,
 * approve and remove, bulk removal by criteria with a dry run first, the audit log with undo. Registered only with
 * the console's credentials ({@link DemoSecurityConfiguration}); the signed-in moderator is recorded with each
 * decision.
 */
@Controller
@Conditional(AdminConfigured.class)
class ModerationPageController {

  private static final int PAGE = 100;

  private final Petitions petitions;
  private final DemoProperties properties;

  ModerationPageController(Petitions petitions, DemoProperties properties) {
    this.petitions = Objects.requireNonNull(petitions);
    this.properties = Objects.requireNonNull(properties);
  }

  @GetMapping("/admin/moderation")
  String console(@RequestParam(name = "petition", required = false) @Nullable String petition, Model model) {
    String slug = slug(petition);
    model.addAttribute("petition", slug);
    model.addAttribute("petitions", petitions.petitions().stream().map(Petition::slug).toList());
    model.addAttribute("held", petitions.moderation().held(slug, 0, PAGE));
    model.addAttribute("log", petitions.moderation().log(slug, PAGE));
    model.addAttribute("heldPhotos", petitions.photos().held(slug, PAGE));
    return "moderation";
  }

  @PostMapping("/admin/moderation/signatures/{id}/approve")
  String approve(@PathVariable("id") long id, @RequestParam("petition") String petition,
      @RequestParam(name = "reason", defaultValue = "") String reason,
      Principal moderator, RedirectAttributes redirect) {
    boolean approved = petitions.moderation().approve(id, moderator.getName(), reasonOr(reason, "approved"));
    redirect.addFlashAttribute("message", approved ? "Signature " + id + " approved." : "Signature " + id
        + " was not held.");
    return back(petition);
  }

  @PostMapping("/admin/moderation/signatures/{id}/remove")
  String remove(@PathVariable("id") long id, @RequestParam("petition") String petition,
      @RequestParam(name = "reason", defaultValue = "") String reason,
      Principal moderator, RedirectAttributes redirect) {
    boolean removed = petitions.moderation().remove(id, moderator.getName(), reasonOr(reason, "removed")).isPresent();
    redirect.addFlashAttribute("message", removed ? "Signature " + id + " removed." : "Signature " + id
        + " not found.");
    return back(petition);
  }

  /** A held photo, for the moderator's eyes (behind the console's authentication like every /admin page). */
  @GetMapping("/admin/moderation/photos/{id}.jpg")
  org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable("id") String id) {
    return petitions.photos().image(id)
        .map(jpeg -> org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_JPEG)
            .cacheControl(org.springframework.http.CacheControl.noStore()).body(jpeg))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @PostMapping("/admin/moderation/photos/{id}/approve")
  String approvePhoto(@PathVariable("id") String id, @RequestParam("petition") String petition,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", petitions.photos().approve(id) ? "Photo approved: public once its"
        + " signature counts." : "That photo was not held.");
    return back(petition);
  }

  @PostMapping("/admin/moderation/photos/{id}/remove")
  String removePhoto(@PathVariable("id") String id, @RequestParam("petition") String petition,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", petitions.photos().remove(id) ? "Photo removed." : "Photo not found.");
    return back(petition);
  }

  @PostMapping("/admin/moderation/removals")
  String removeAll(@RequestParam("petition") String petition,
      @RequestParam(name = "network", defaultValue = "") String network,
      @RequestParam(name = "emailDomain", defaultValue = "") String emailDomain,
      @RequestParam(name = "country", defaultValue = "") String country,
      @RequestParam(name = "displayNamePattern", defaultValue = "") String displayNamePattern,
      @RequestParam(name = "signedFrom", defaultValue = "") String signedFrom,
      @RequestParam(name = "signedUntil", defaultValue = "") String signedUntil,
      @RequestParam(name = "reason", defaultValue = "") String reason,
      @RequestParam(name = "confirm", defaultValue = "false") boolean confirm, Principal moderator,
      RedirectAttributes redirect) {
    String slug = slug(petition);
    SignatureCriteria criteria;
    try {
      SignatureCriteria.Builder builder = SignatureCriteria.builder();
      if (!network.isBlank()) {
        builder.networkPrefix(network.strip());
      }
      if (!emailDomain.isBlank()) {
        builder.emailDomain(emailDomain.strip());
      }
      if (!country.isBlank()) {
        builder.country(country.strip());
      }
      if (!displayNamePattern.isBlank()) {
        builder.displayNamePattern(Pattern.compile(displayNamePattern));
      }
      if (!signedFrom.isBlank() || !signedUntil.isBlank()) {
        builder.signedBetween(signedFrom.isBlank() ? Instant.EPOCH : Instant.parse(signedFrom.strip()),
            signedUntil.isBlank() ? Instant.parse("9999-12-31T00:00:00Z") : Instant.parse(signedUntil.strip()));
      }
      criteria = builder.build();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      String why = e instanceof PatternSyntaxException syntax ? "not a regular expression: " + syntax.getDescription()
          : e instanceof DateTimeParseException ? "use ISO-8601 instants such as 2026-01-31T12:00:00Z"
          : String.valueOf(e.getMessage());
      redirect.addFlashAttribute("message", "Bulk removal refused: " + why);
      return back(slug);
    }
    if (!confirm) {
      redirect.addFlashAttribute("message", "Dry run: " + matching(slug, criteria) + " signature(s) match "
          + criteria.describe() + ". Tick \"remove them\" and send again to remove them.");
      return back(slug);
    }
    BulkResult result = petitions.moderation().removeAll(slug, criteria, moderator.getName(),
        reasonOr(reason, "bulk removal"), PAGE);
    redirect.addFlashAttribute("message", "Removed " + result.removed() + " signature(s) (" + result.uncounted()
        + " had counted); undo with action " + result.actionId() + ".");
    return back(slug);
  }

  @PostMapping("/admin/moderation/actions/{id}/undo")
  String undo(@PathVariable("id") long id, @RequestParam("petition") String petition, Principal moderator,
      RedirectAttributes redirect) {
    try {
      int restored = petitions.moderation().undo(id, moderator.getName());
      redirect.addFlashAttribute("message", "Restored " + restored + " signature(s).");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("message", "Cannot undo action " + id + ": " + e.getMessage());
    }
    return back(petition);
  }

  private int matching(String slug, SignatureCriteria criteria) {
    int count = 0;
    long after = 0;
    while (true) {
      List<StoredSignature> batch = petitions.store().search(slug, criteria, after, PAGE);
      if (batch.isEmpty()) {
        return count;
      }
      for (StoredSignature signature : batch) {
        after = signature.id();
        count += signature.state() == SignatureState.REMOVED ? 0 : 1;
      }
    }
  }

  private String slug(@Nullable String petition) {
    String slug = petition != null && !petition.isBlank() ? petition : properties.home();
    if (slug == null) {
      slug = petitions.petitions().stream().map(Petition::slug).findFirst().orElse("");
    }
    if (petitions.petition(slug).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return slug;
  }

  private static String reasonOr(String reason, String otherwise) {
    return reason.isBlank() ? otherwise : reason.strip();
  }

  private static String back(String petition) {
    return "redirect:/admin/moderation?petition=" + petition;
  }
}
