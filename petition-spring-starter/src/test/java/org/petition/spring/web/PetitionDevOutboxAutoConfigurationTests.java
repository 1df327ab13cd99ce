package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petition.spring.PetitionContextRunners;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The development outbox page exists only when asked for and only while mail stays in memory. */
class PetitionDevOutboxAutoConfigurationTests {

  @Test
  void offByDefault() {
    PetitionContextRunners.webRunner()
        .run(context -> assertThat(context).doesNotHaveBean(PetitionDevOutboxController.class));
  }

  @Test
  void onWhenEnabledAndMailStaysInMemory() {
    PetitionContextRunners.webRunner().withPropertyValues("petition.dev.outbox.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(PetitionDevOutboxController.class));
  }

  @Test
  void neverWhenMailIsReallySent() {
    PetitionContextRunners.webRunner().withPropertyValues("petition.dev.outbox.enabled=true")
        .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .run(context -> assertThat(context).doesNotHaveBean(PetitionDevOutboxController.class));
  }
}
