package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.runner;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.event.PetitionEvent;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/** {@link PetitionEventsAutoConfiguration}: core events as Spring application events. */
class PetitionEventsAutoConfigurationTests {

  @Test
  void coreEventsArePublishedAsApplicationEvents() {
    List<Object> received = new ArrayList<>();
    runner().withPropertyValues(TestKeys.seedPetition(0))
        .withBean(ApplicationListener.class, () -> (ApplicationListener<PayloadApplicationEvent<?>>) event -> {
          if (event.getPayload() instanceof PetitionEvent petitionEvent) {
            received.add(petitionEvent);
          }
        })
        .run(context -> {
          context.getBean(Petitions.class).sign(frank().build());
          assertThat(received).singleElement().isInstanceOf(PetitionEvent.Signed.class);
        });
  }

  @Test
  void publishingCanBeSwitchedOff() {
    runner().withPropertyValues("petition.events.publish=false")
        .run(context -> assertThat(context).doesNotHaveBean(PetitionEventPublisher.class));
  }

  @Test
  void backsOffFromTheApplicationsPublisher() {
    runner().withBean("myPublisher", PetitionEventPublisher.class,
            () -> new PetitionEventPublisher(PetitionContextRunners.ownPetitions("https://x.example.org"), e -> { }))
        .run(context -> assertThat(context.getBeansOfType(PetitionEventPublisher.class))
            .containsOnlyKeys("myPublisher"));
  }

  @Test
  void nothingIsPublishedWithoutAPetitionsBean() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PetitionEventsAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(PetitionEventPublisher.class);
        });
  }
}
