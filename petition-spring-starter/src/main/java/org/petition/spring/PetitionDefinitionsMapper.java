package org.petition.spring;

import static org.petition.spring.PropertyChecks.POSITIVE_NUMBER;
import static org.petition.spring.PropertyChecks.apply;
import static org.petition.spring.PropertyChecks.required;

import java.util.ArrayList;
import java.util.List;
import org.petition.Petition;
import org.petition.privacy.ConsentDocument;

/**
 * {@code petition.petitions[*]} into {@link Petition}s through {@link Petition.Builder}, with their consent
 * documents. A value a setter refuses names itself ({@code petition.petitions[0].goal}); what only the whole
 * definition can judge names the definition ({@code petition.petitions[0]}).
 */
public final class PetitionDefinitionsMapper {

  private PetitionDefinitionsMapper() {}

  /** The petitions defined in configuration. */
  public static List<Petition> petitions(PetitionProperties properties) {
    List<Petition> petitions = new ArrayList<>();
    List<PetitionDefinitionProperties> definitions = properties.getPetitions();
    for (int i = 0; i < definitions.size(); i++) {
      petitions.add(petition(definitions.get(i), "petition.petitions[" + i + "]"));
    }
    return petitions;
  }

  /**
   * One petition definition; {@code prefix} names it in errors. A value its setter refuses is named itself;
   * what only the whole definition can judge (the slug's form, dates in order) names the definition.
   */
  public static Petition petition(PetitionDefinitionProperties definition, String prefix) {
    String slug = required(definition.getSlug(), prefix + ".slug", "1-64 of [a-z0-9-], such as save-the-park");
    String title = required(definition.getTitle(), prefix + ".title", "the petition's title");
    String fix = "Fix the petition's definition.";
    Petition.Builder builder = apply(prefix, fix, () -> Petition.builder(slug)
        .title(title)
        .text(definition.getText())
        .target(definition.getTarget())
        .author(definition.getAuthor())
        .category(definition.getCategory())
        .opensAt(definition.getOpensAt())
        .closesAt(definition.getClosesAt())
        .displayNamePolicy(definition.getDisplayNamePolicy())
        .noindex(definition.isNoindex())
        .erasedSignaturesCount(definition.isErasedSignaturesCount())
        .photos(definition.getPhotos()));
    apply(prefix + ".goal", "Use a goal of 0 (none) or more.", () -> builder.goal(definition.getGoal()));
    apply(prefix + ".signatures-per-email", String.format(POSITIVE_NUMBER, "1"),
        () -> builder.signaturesPerEmail(definition.getSignaturesPerEmail()));
    apply(prefix + ".letter-limit", "Use 0 (no letters) to " + Petition.MAX_LETTER_LIMIT
        + " characters, such as 2500.", () -> builder.letterLimit(definition.getLetterLimit()));
    apply(prefix + ".tags", "Leave no tag empty.", () -> {
      definition.getTags().forEach(builder::tag);
      return builder;
    });
    definition.getGoalsByCountry().forEach((country, goal) -> apply(prefix + ".goals-by-country." + country,
        String.format(POSITIVE_NUMBER, "1000"), () -> builder.goal(country, goal == null ? 0 : goal)));
    List<PetitionDefinitionProperties.Consent> consents = definition.getConsents();
    for (int i = 0; i < consents.size(); i++) {
      builder.consent(consent(consents.get(i), prefix + ".consents[" + i + "]"));
    }
    return apply(prefix, fix, builder::build);
  }

  private static ConsentDocument consent(PetitionDefinitionProperties.Consent consent, String prefix) {
    String id = required(consent.getId(), prefix + ".id", "a short id the form sends back, such as terms");
    String text = required(consent.getText(), prefix + ".text", "the exact text shown to signers");
    return apply(prefix, "Use an id of 1-64 of [a-z0-9_-] and a version of 1-64 characters.", () -> {
      ConsentDocument document = ConsentDocument.ofText(id, consent.getVersion(), consent.getPurpose(), text);
      Boolean required = consent.getRequired();
      return required == null || required == document.required()
          ? document
          : new ConsentDocument(document.id(), document.version(), document.sha256(), document.purpose(), required);
    });
  }
}
