package org.petition.spring.web;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one page behind a mail link shows, for {@link LinkPages#page}: a title and a text (keys of the bundle
 * {@code org/petition/spring/web/link-pages}, English and Korean), and either a form with one button or a link
 * back. Values are plain text: a renderer escapes them.
 *
 * @param titleKey the bundle key of the title
 * @param textKey the bundle key of the text, a {@link java.text.MessageFormat} pattern over {@code arguments}
 * @param arguments the text's arguments
 * @param detail a further explanation already in words (such as the password rule a new password broke), or
 *     {@code null}
 * @param form the form, or {@code null} for a page that only reports
 * @param home the relative link back to the site's root ({@code ./} or {@code ../}), so it works under any path
 */
public record LinkPage(String titleKey, String textKey, List<Object> arguments, @Nullable String detail,
    @Nullable Form form, String home) {

  public LinkPage {
    Objects.requireNonNull(titleKey, "titleKey must not be null");
    Objects.requireNonNull(textKey, "textKey must not be null");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(home, "home must not be null");
  }

  /**
   * A form that posts the link's token back to the page's own path.
   *
   * @param action the path to post to, relative to the page (its last segment, such as {@code erase})
   * @param token the link's token, sent as the hidden field {@code token}
   * @param buttonKey the bundle key of the button's label
   * @param newPassword whether the form asks for a new password (field {@code password})
   */
  public record Form(String action, String token, String buttonKey, boolean newPassword) {
    public Form {
      Objects.requireNonNull(action, "action must not be null");
      Objects.requireNonNull(token, "token must not be null");
      Objects.requireNonNull(buttonKey, "buttonKey must not be null");
    }

    @Override
    public String toString() {
      return "Form[action=" + action + "]"; // the token is a credential
    }
  }
}
