package org.petition.check.internal;

import java.util.Collection;
import java.util.Set;

/**
 * Exact domains ({@code example.com}) and wildcards ({@code *.example.com}, every subdomain of
 * example.com but not example.com itself). Immutable.
 */
public final class DomainSet {

  private static final DomainSet EMPTY = new DomainSet(Set.of(), Set.of());

  private final Set<String> exact;
  private final Set<String> parents;

  private DomainSet(Set<String> exact, Set<String> parents) {
    this.exact = exact;
    this.parents = parents;
  }

  public static DomainSet empty() {
    return EMPTY;
  }

  /**
   * @param exact ASCII lower-case domains matched exactly
   * @param parents ASCII lower-case domains whose subdomains match (the part after {@code *.})
   */
  public static DomainSet of(Collection<String> exact, Collection<String> parents) {
    if (exact.isEmpty() && parents.isEmpty()) {
      return EMPTY;
    }
    return new DomainSet(Set.copyOf(exact), Set.copyOf(parents));
  }

  public boolean isEmpty() {
    return exact.isEmpty() && parents.isEmpty();
  }

  /** Whether an ASCII lower-case domain matches. */
  public boolean contains(String domain) {
    if (exact.contains(domain)) {
      return true;
    }
    if (parents.isEmpty()) {
      return false;
    }
    for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
      if (parents.contains(domain.substring(dot + 1))) {
        return true;
      }
    }
    return false;
  }
}
