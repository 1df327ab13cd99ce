package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.petition.spring.PetitionContextRunners;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The development outbox page exists only when asked for and only while mail stays in memory; without a mail server
 * a start-up line says where mail goes and how to see it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PetitionDevOutboxAutoConfigurationTests {

  @Test
  void aStartUpLineSaysWhereMailGoesWithoutAMailServer(CapturedOutput output) {
    PetitionContextRunners.webRunner().run(context -> assertThat(context).hasNotFailed());
    assertThat(output.getAll()).contains("confirmation messages are kept in an in-memory outbox and never sent",
        "set petition.dev.outbox.enabled=true to see them at /dev/petition-outbox");
    PetitionContextRunners.webRunner().withPropertyValues("petition.dev.outbox.enabled=true")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output.getAll()).contains("see them at /dev/petition-outbox from this machine");
    int before = output.getAll().length();
    PetitionContextRunners.webRunner().withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output.getAll().substring(before)).as("mail really sent: no such line")
        .doesNotContain("in-memory outbox");
  }

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
