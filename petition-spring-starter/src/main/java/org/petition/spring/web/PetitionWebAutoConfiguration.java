package org.petition.spring.web;

import java.time.Clock;
import java.util.List;
import org.petition.Petitions;
import org.petition.token.Tokens;
import org.petition.spring.PetitionAutoConfiguration;
import org.petition.spring.PetitionProperties;
import org.petition.spring.PetitionPropertiesMapper;
import org.petition.spring.PetitionWebMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API under {@code /api} and the pages behind mail links ({@code /confirm}, {@code /revoke}, {@code
 * /erase}, {@code /access}, {@code /account/verify}, {@code /account/reset}), on Spring MVC, all under {@code
 * petition.web.base-path}.
 * {@code petition.web.enabled=false} turns them off. Every body sent to them is held to
 * {@code petition.web.max-body-bytes} by {@link RequestBodyLimitFilter}, but a signing with a photo
 * ({@code multipart/form-data}) to {@code petition.web.max-upload-bytes}.
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
    return PetitionWebMapper.trustedProxies(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  public HttpRequestContexts petitionHttpRequestContexts(TrustedProxies proxies, Clock clock,
      PetitionProperties properties) {
    return new HttpRequestContexts(proxies, clock, properties.getFormToken().isRequired());
  }

  /** The REST API, which reads its bodies with Jackson 3 (spring-boot-starter-webmvc brings it). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JsonMapper.class)
  static class ApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PetitionApiController petitionApiController(Petitions petitions, HttpRequestContexts contexts,
        PetitionProperties properties) {
      return new PetitionApiController(petitions, contexts, PetitionWebMapper.maxBodyBytes(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "petition.log.enabled", matchIfMissing = true)
    public TransparencyLogController petitionTransparencyLogController(Petitions petitions) {
      return new TransparencyLogController(petitions);
    }

    @Bean
    @ConditionalOnMissingBean
    public PetitionSubjectController petitionSubjectController(Petitions petitions, PetitionProperties properties) {
      return new PetitionSubjectController(petitions, PetitionWebMapper.maxBodyBytes(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "petition.log.enabled", matchIfMissing = true)
    public ExportController petitionExportController(Petitions petitions) {
      return new ExportController(petitions);
    }

    @Bean
    @ConditionalOnMissingBean
    public PetitionAccountController petitionAccountController(Petitions petitions, HttpRequestContexts contexts,
        PetitionProperties properties) {
      return new PetitionAccountController(petitions, contexts, PetitionWebMapper.maxBodyBytes(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    public PetitionPhotoController petitionPhotoController(Petitions petitions) {
      return new PetitionPhotoController(petitions);
    }

    @Bean
    @ConditionalOnMissingBean
    public PetitionInvitationController petitionInvitationController(Petitions petitions,
        HttpRequestContexts contexts, PetitionProperties properties) {
      return new PetitionInvitationController(petitions, contexts, PetitionWebMapper.maxBodyBytes(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    public PetitionApiExceptionHandler petitionApiExceptionHandler() {
      return new PetitionApiExceptionHandler();
    }
  }

  @Bean
  @ConditionalOnMissingBean
  public LinkPages petitionLinkPages() {
    return new DefaultLinkPages();
  }

  @Bean
  @ConditionalOnMissingBean
  public PetitionLinkController petitionLinkController(Petitions petitions, LinkPages pages,
      ObjectProvider<Tokens> tokens, Clock clock) {
    return new PetitionLinkController(petitions, pages, tokens.getIfUnique(), clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public LinkPagesExceptionHandler petitionLinkPagesExceptionHandler(LinkPages pages) {
    return new LinkPagesExceptionHandler(pages);
  }

  @Bean
  @ConditionalOnMissingBean
  public SubjectLinkController petitionSubjectLinkController(Petitions petitions, LinkPages pages,
      ObjectProvider<Tokens> tokens, Clock clock) {
    return new SubjectLinkController(petitions, pages, tokens.getIfUnique(), clock);
  }

  @Bean
  @ConditionalOnMissingBean
  public InvitationLinkController petitionInvitationLinkController(Petitions petitions, LinkPages pages,
      ObjectProvider<Tokens> tokens, Clock clock, HttpRequestContexts contexts) {
    return new InvitationLinkController(petitions, pages, tokens.getIfUnique(), clock, contexts);
  }

  @Bean
  @ConditionalOnMissingBean
  public AccountLinkController petitionAccountLinkController(Petitions petitions, LinkPages pages,
      ObjectProvider<Tokens> tokens, Clock clock) {
    return new AccountLinkController(petitions, pages, tokens.getIfUnique(), clock);
  }

  /** The session cookie's defaults (HttpOnly, SameSite=Lax, Secure on https), with an embedded servlet server. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ConfigurableServletWebServerFactory.class)
  static class SessionCookieConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public SessionCookieDefaults petitionSessionCookieDefaults(PetitionProperties properties) {
      return new SessionCookieDefaults(PetitionPropertiesMapper.baseUrl(properties).regionMatches(true, 0, "https:", 0, 6));
    }
  }

  /**
   * {@code petition.web.max-body-bytes} on every body sent to the starter's paths ({@code /api/*},
   * {@code /confirm}, {@code /revoke}, under the DispatcherServlet's path), streamed or not; ordered right after
   * the character encoding filter, before anything (Spring Security's CSRF check, for one) can read a form.
   */
  @Bean
  @ConditionalOnMissingBean(name = "petitionRequestBodyLimitFilter")
  public FilterRegistrationBean<RequestBodyLimitFilter> petitionRequestBodyLimitFilter(PetitionProperties properties,
      ObjectProvider<DispatcherServletPath> servletPath) {
    // A signing may come as multipart/form-data with a photo: that one route takes the larger upload limit.
    RequestBodyLimitFilter filter = new RequestBodyLimitFilter(PetitionWebMapper.maxBodyBytes(properties),
        PetitionWebMapper.maxUploadBytes(properties), RequestBodyLimitFilter::isSigning);
    FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
    DispatcherServletPath path = servletPath.getIfAvailable();
    String basePath = PetitionWebMapper.basePath(properties);
    for (String pattern : BODY_LIMIT_PATHS) {
      registration.addUrlPatterns(path == null ? basePath + pattern : path.getRelativePath(basePath + pattern));
    }
    registration.setOrder(BODY_LIMIT_FILTER_ORDER);
    return registration;
  }

  /** The paths of the starter's endpoints, relative to the DispatcherServlet. */
  static final List<String> BODY_LIMIT_PATHS = List.of("/api/*", "/confirm", "/revoke", "/erase", "/access",
      "/account/*");

  /** Just after Boot's character encoding filter (the highest precedence), before every other filter. */
  static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
}
