package org.petition.spring.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A signing sent as {@code multipart/form-data} (a form with a photo): the same fields as the JSON form, text
 * parts by name ({@code consents} repeated), and the file part {@code photo}.
 */
final class MultipartSigning {

  /** The file part carrying the photo. */
  static final String PHOTO = "photo";

  private MultipartSigning() {}

  /** The form's fields, as the JSON form would carry them. */
  static SigningForm form(MultipartBody body) {
    return new SigningForm(text(body, "kind"), text(body, "firstName"), text(body, "lastName"),
        text(body, "organizationName"), text(body, "nickname"), text(body, "email"), text(body, "phone"),
        text(body, "country"), text(body, "city"), text(body, "affiliation"), text(body, "comment"),
        body.named("consents").stream().map(MultipartBody.Part::text).toList(), text(body, "website"), null,
        text(body, "formId"), text(body, "formToken"), text(body, "letter"));
  }

  /**
   * The photo's bytes; {@code null} when there is no {@code photo} part or it is the empty file part a browser
   * sends when no file was chosen.
   */
  static byte @Nullable [] photo(MultipartBody body) {
    List<MultipartBody.Part> parts = body.named(PHOTO);
    if (parts.isEmpty()) {
      return null;
    }
    MultipartBody.Part part = parts.get(0);
    boolean noFileChosen = part.content().length == 0 && (part.filename() == null || part.filename().isEmpty());
    return noFileChosen ? null : part.content();
  }

  private static @Nullable String text(MultipartBody body, String name) {
    for (MultipartBody.Part part : body.named(name)) {
      if (part.filename() == null) {
        return part.text();
      }
    }
    return null;
  }
}
