package org.petition.spring;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A petition setting is missing or wrong; start-up stops with a message naming the property. The message
 * never contains a secret's value. {@link #of(List)} makes one failure of several, so every problem is reported
 * at once ({@link #problems()}).
 */
public class PetitionConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;
  private final List<PetitionConfigurationException> problems;

  /**
   * @param property the property to set or fix, such as {@code petition.identity.secret}
   * @param problem what is wrong
   * @param action what to do about it
   */
  public PetitionConfigurationException(String property, String problem, String action, @Nullable Throwable cause) {
    super(property + ": " + problem, cause);
    this.property = property;
    this.action = action;
    this.problems = List.of(this);
  }

  private PetitionConfigurationException(List<PetitionConfigurationException> problems) {
    super(problems.size() + " petition settings are missing or invalid:" + problems.stream()
        .map(problem -> System.lineSeparator() + "  - " + problem.getMessage()).collect(Collectors.joining()));
    this.property = problems.get(0).property();
    this.action = problems.stream().map(problem -> "- " + problem.property() + ": " + problem.action())
        .collect(Collectors.joining(System.lineSeparator()));
    this.problems = List.copyOf(problems);
  }

  /**
   * One failure reporting all of {@code problems} (itself when there is one).
   *
   * @throws IllegalArgumentException when there are none
   */
  public static PetitionConfigurationException of(List<PetitionConfigurationException> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    List<PetitionConfigurationException> flat =
        problems.stream().flatMap(problem -> problem.problems().stream()).toList();
    return flat.size() == 1 ? flat.get(0) : new PetitionConfigurationException(flat);
  }

  /** The property to set or fix (the first one's, when this reports several). */
  public String property() {
    return property;
  }

  /** What to do about it (a line per property, when this reports several). */
  public String action() {
    return action;
  }

  /** Every problem this reports, each naming its property; this one alone when it reports one. */
  public List<PetitionConfigurationException> problems() {
    return problems;
  }
}
