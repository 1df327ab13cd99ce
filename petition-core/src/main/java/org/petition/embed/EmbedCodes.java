package org.petition.embed;

import java.util.Objects;
import org.petition.Petition;
import org.petition.internal.Html;

/**
 * The codes a supporter pastes elsewhere to spread a petition: a direct link, an HTML link, and forum
 * BBCode with or without the title. Every value is escaped for the language it is pasted into.
 *
 * @param directLink the petition's URL
 * @param html an HTML anchor to the petition, its text the title
 * @param bbcodeWithoutTitle a BBCode link showing the URL
 * @param bbcodeWithTitle a BBCode link showing the title
 */
public record EmbedCodes(String directLink, String html, String bbcodeWithoutTitle, String bbcodeWithTitle) {

  /**
   * The embed codes of a petition whose page is {@code {baseUrl}/p/{slug}}.
   *
   * @param baseUrl the site's absolute base URL, such as {@code https://petitions.example.org}
   */
  public static EmbedCodes of(String baseUrl, Petition petition) {
    Objects.requireNonNull(baseUrl, "base URL must not be null");
    Objects.requireNonNull(petition, "petition must not be null");
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    // The slug is [a-z0-9-] by construction, so the URL needs no encoding.
    String url = base + "/p/" + petition.slug();
    String html = "<a href=\"" + Html.escape(url) + "\">" + Html.escape(petition.title()) + "</a>";
    return new EmbedCodes(url, html, "[url]" + bbcode(url) + "[/url]",
        "[url=" + bbcode(url) + "]" + bbcode(petition.title()) + "[/url]");
  }

  /** BBCode has no escape: square brackets in a title would open tags, so they become parentheses. */
  private static String bbcode(String value) {
    return value.replace('[', '(').replace(']', ')');
  }
}
