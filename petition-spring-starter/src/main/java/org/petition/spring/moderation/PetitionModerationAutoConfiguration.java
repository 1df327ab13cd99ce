package org.petition.spring.moderation;

import org.petition.Petitions;
import org.petition.spring.PetitionAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The moderation REST API ({@link PetitionModerationController}) when {@code petition.moderation.api.enabled=true}
 * in a servlet application: protect {@code /api/moderation/**} with Spring Security (every request needs an
 * authenticated principal, else 401). An application may instead declare the controller bean itself.
 */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(Petitions.class)
@ConditionalOnBooleanProperty(name = "petition.moderation.api.enabled")
public class PetitionModerationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public PetitionModerationController petitionModerationController(Petitions petitions) {
    return new PetitionModerationController(petitions);
  }

  @Bean
  @ConditionalOnMissingBean
  public PhotoModerationController petitionPhotoModerationController(Petitions petitions) {
    return new PhotoModerationController(petitions);
  }
}
