package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.confirmToken;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.runner;
import static org.petition.spring.PetitionContextRunners.webRunner;

import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.PhotoPolicy;
import org.petition.SignResult;
import org.petition.photo.TestImages;
import org.petition.spring.moderation.PetitionModerationAutoConfiguration;
import org.petition.spring.moderation.PhotoModerationController;
import org.petition.spring.web.PetitionPhotoController;
import org.petition.store.PhotoInfo;
import org.petition.store.PhotoStore;
import org.petition.store.jdbc.JdbcPhotoStore;
import org.petition.store.memory.InMemoryPhotoStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Photo campaigns through the auto-configurations: {@code petition.petitions[*].photos}, the JDBC photo store
 * beside the JDBC signature store (photos survive a restart), the photo routes and the upload limit's checks.
 */
class PhotoAutoConfigurationTests {

  @Test
  void thePolicyIsReadFromThePropertiesAndPhotosGoToTheDatabaseWithADataSource() {
    ApplicationContextRunner database = runner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(TestKeys.seedPetition(0))
        .withPropertyValues("petition.petitions[0].photos=published",
            "spring.datasource.url=jdbc:h2:mem:photostore;DB_CLOSE_DELAY=-1");
    database.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).getBean(PhotoStore.class).isInstanceOf(JdbcPhotoStore.class);
      Petitions petitions = context.getBean(Petitions.class);
      assertThat(petitions.petition(PetitionContextRunners.SEED).orElseThrow().photos())
          .isEqualTo(PhotoPolicy.PUBLISHED);
      assertThat(petitions.sign(frank().build(), null, TestImages.jpeg(320, 240)))
          .isInstanceOf(SignResult.Pending.class);
      petitions.confirm(confirmToken(context, "frank@example.com"));
    });
    // Another context on the same database (a restart, or a second instance) serves the photo.
    database.run(context -> {
      Petitions petitions = context.getBean(Petitions.class);
      assertThat(petitions.photos().published(PetitionContextRunners.SEED, 10)).singleElement()
          .satisfies((PhotoInfo photo) -> assertThat(petitions.photos()
              .publicPhoto(PetitionContextRunners.SEED, photo.id())).isPresent());
    });
  }

  @Test
  void withoutADataSourcePhotosStayInMemoryAndPetitionsTakeNoneByDefault() {
    runner().withPropertyValues(TestKeys.seedPetition(0)).run(context -> {
      assertThat(context).doesNotHaveBean(PhotoStore.class);
      Petitions petitions = context.getBean(Petitions.class);
      assertThat(petitions.petition(PetitionContextRunners.SEED).orElseThrow().photos())
          .isEqualTo(PhotoPolicy.NOT_ACCEPTED);
      assertThat(petitions.sign(frank().build(), null, TestImages.jpeg(32, 32)))
          .isInstanceOfSatisfying(SignResult.Rejected.class,
              r -> assertThat(r.violations().get(0).code()).isEqualTo("photo.not_accepted"));
    });
    runner().withBean(PhotoStore.class, InMemoryPhotoStore::new).run(context ->
        assertThat(context).getBean(PhotoStore.class).isInstanceOf(InMemoryPhotoStore.class));
  }

  @Test
  void theRoutesAreThereAndTheUploadLimitIsChecked() {
    webRunner().withPropertyValues(TestKeys.seedPetition(0)).run(context -> {
      assertThat(context).hasSingleBean(PetitionPhotoController.class);
      assertThat(context).doesNotHaveBean(PhotoModerationController.class);
    });
    webRunner().withConfiguration(AutoConfigurations.of(PetitionModerationAutoConfiguration.class))
        .withPropertyValues("petition.moderation.api.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(PhotoModerationController.class));
    runner().withPropertyValues("petition.web.max-upload-bytes=1000")
        .run(context -> assertFailure(context, "petition.web.max-upload-bytes", "at least petition.web.max-body-bytes"));
    runner().withPropertyValues(TestKeys.seedPetition(0)).withPropertyValues("petition.petitions[0].photos=sometimes")
        .run(context -> assertThat(context).hasFailed());
  }
}
