package org.petition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of public signatures, newest first.
 *
 * @param items the signatures on this page
 * @param next an opaque cursor for the following page, {@code null} on the last page
 * @param noindex whether the page as a whole should not be indexed by search engines: the petition asks
 *     for it, or a signer on the page chose a nickname
 */
public record SignaturePage(List<PublicSignature> items, @Nullable String next, boolean noindex) {

  public SignaturePage {
    items = List.copyOf(items);
  }
}
