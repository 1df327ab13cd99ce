package org.petition.spring.web;

import org.petition.mail.InMemoryOutbox;
import org.petition.spring.PetitionAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The development outbox page, {@link PetitionDevOutboxController} at {@code /dev/petition-outbox}, in any servlet
 * application whose confirmation mails stay in the in-memory outbox (no JavaMailSender), when
 * {@code petition.dev.outbox.enabled=true}. Served to loopback clients only.
 */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(InMemoryOutbox.class)
@ConditionalOnBooleanProperty(name = "petition.dev.outbox.enabled")
public class PetitionDevOutboxAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(PetitionDevOutboxAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  public PetitionDevOutboxController petitionDevOutboxController(InMemoryOutbox outbox) {
    LOG.info("petition: the development outbox is served at {} to clients on this machine (loopback) only",
        PetitionDevOutboxController.PATH);
    return new PetitionDevOutboxController(outbox);
  }
}
