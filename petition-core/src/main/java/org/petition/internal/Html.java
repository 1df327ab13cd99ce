package org.petition.internal;

/** HTML escaping for text and attribute values. */
public final class Html {

  private Html() {}

  /** Escapes {@code & < > " '} so the value is inert in element content and quoted attributes. */
  public static String escape(String value) {
    int i = 0;
    int n = value.length();
    while (i < n && !needsEscape(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder out = new StringBuilder(n + 16).append(value, 0, i);
    for (; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
  }
}
