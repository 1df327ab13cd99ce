package org.petition.spring.web;

import java.time.Clock;
import org.petition.Petitions;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionPropertiesMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API under {@code /api} and the {@code /confirm} and {@code /revoke} pages, on Spring MVC.
 * {@code petition.web.enabled=false} turns them off.
 */
@AutoConfiguration(after = PetitionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(Petitions.class)
@ConditionalOnBooleanProperty(name = "petition.web.enabled", matchIfMissing = true)
public class PetitionWebAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public TrustedProxies petitionTrustedProxies(PetitionProperties properties) {
    return PetitionPropertiesMapper.trustedProxies(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public HttpRequestContexts petitionHttpRequestContexts(TrustedProxies proxies, Clock clock) {
    return new HttpRequestContexts(proxies, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public PetitionApiController petitionApiController(Petitions petitions, HttpRequestContexts contexts) {
    return new PetitionApiController(petitions, contexts);
  }

  @Bean
  @ConditionalOnMissingBean
  public PetitionApiExceptionHandler petitionApiExceptionHandler() {
    return new PetitionApiExceptionHandler();
  }

  @Bean
  @ConditionalOnMissingBean
  public LinkPages petitionLinkPages() {
    return new DefaultLinkPages();
  }

  @Bean
  @ConditionalOnMissingBean
  public PetitionLinkController petitionLinkController(Petitions petitions, LinkPages pages) {
    return new PetitionLinkController(petitions, pages);
  }

  @Bean
  @ConditionalOnMissingBean(name = "petitionWebMvcConfigurer")
  public WebMvcConfigurer petitionWebMvcConfigurer(PetitionProperties properties) {
    RequestSizeLimit limit = new RequestSizeLimit(PetitionPropertiesMapper.maxBodyBytes(properties));
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/api/**");
      }
    };
  }
}
