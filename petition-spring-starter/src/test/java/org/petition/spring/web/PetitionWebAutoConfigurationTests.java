package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.runner;
import static org.petition.spring.PetitionContextRunners.webRunner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petition.RequestContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;

/** {@link PetitionWebAutoConfiguration}: the REST API, the link pages and the client address. */
class PetitionWebAutoConfigurationTests {

  @Test
  void theWebLayerNeedsAServletApplicationAndSpringMvc() {
    webRunner().run(context -> {
      assertThat(context).hasSingleBean(PetitionApiController.class);
      assertThat(context).hasSingleBean(PetitionLinkController.class);
      assertThat(context).hasSingleBean(TrustedProxies.class);
      assertThat(context).hasSingleBean(PetitionSubjectController.class);
      assertThat(context).hasSingleBean(PetitionAccountController.class);
      assertThat(context).hasSingleBean(SubjectLinkController.class);
      assertThat(context).hasSingleBean(AccountLinkController.class);
      assertThat(context).hasSingleBean(SessionCookieDefaults.class);
    });
    webRunner().withPropertyValues("petition.web.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PetitionApiController.class));
    webRunner().withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
        .run(context -> assertThat(context).doesNotHaveBean(PetitionApiController.class));
    webRunner().withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(PetitionApiController.class);
        });
    runner().run(context -> assertThat(context).doesNotHaveBean(PetitionLinkController.class));
  }

  @Test
  void startupFailsNamingABadTrustedProxy() {
    webRunner().withPropertyValues("petition.web.trusted-proxies=proxy.example.org")
        .run(context -> assertFailure(context, "petition.web.trusted-proxies[0]", "not an IP address or CIDR"));
  }

  @Test
  void startupFailsNamingABodyLimitThatIsNotPositive() {
    webRunner().withPropertyValues("petition.web.max-body-bytes=0")
        .run(context -> assertFailure(context, "petition.web.max-body-bytes", "must be positive"));
  }

  @Test
  void theBodyLimitFilterCoversTheStartersPathsBeforeOtherFilters() {
    webRunner().withPropertyValues("petition.web.max-body-bytes=1000").run(context -> {
      FilterRegistrationBean<?> registration =
          context.getBean("petitionRequestBodyLimitFilter", FilterRegistrationBean.class);
      assertThat(registration.getUrlPatterns()).containsExactly("/api/*", "/confirm", "/revoke", "/erase", "/access",
          "/account/*");
      assertThat(registration.getOrder()).isLessThan(-100); // before Spring Security's filter chain
      assertThat(((RequestBodyLimitFilter) registration.getFilter()).maxBytes()).isEqualTo(1000);
    });
    webRunner().withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class))
        .withPropertyValues("spring.mvc.servlet.path=/app").run(context -> assertThat(
        context.getBean("petitionRequestBodyLimitFilter", FilterRegistrationBean.class).getUrlPatterns())
        .containsExactly("/app/api/*", "/app/confirm", "/app/revoke", "/app/erase", "/app/access",
            "/app/account/*"));
    webRunner().withPropertyValues("petition.web.base-path=/petitions").run(context -> assertThat(
        context.getBean("petitionRequestBodyLimitFilter", FilterRegistrationBean.class).getUrlPatterns())
        .contains("/petitions/api/*", "/petitions/confirm", "/petitions/account/*"));
  }

  @Test
  void theBasePathPrefixesTheLinksInMailsAndABadOneStopsStartUp() {
    webRunner().withPropertyValues("petition.web.base-path=/petitions/v1").run(context -> assertThat(
        context.getBean(org.petition.Petitions.class).baseUrl()).isEqualTo("https://petitions.example.org/petitions/v1"));
    for (String bad : List.of("petitions", "/petitions/", "/a//b", "/a b", "/")) {
      webRunner().withPropertyValues("petition.web.base-path=" + bad)
          .run(context -> assertFailure(context, "petition.web.base-path", "is not a path prefix"));
    }
  }

  @Test
  void theSessionCookieIsSecureOnlyOnAnHttpsSiteAndAnApplicationsOwnSettingsWin() {
    org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory https =
        new org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory();
    new SessionCookieDefaults(true).customize(https);
    org.springframework.boot.web.server.Cookie cookie = https.getSettings().getSession().getCookie();
    assertThat(cookie.getSecure()).isTrue();
    assertThat(cookie.getHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo(org.springframework.boot.web.server.Cookie.SameSite.LAX);

    org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory own =
        new org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory();
    own.getSettings().getSession().getCookie().setSameSite(org.springframework.boot.web.server.Cookie.SameSite.STRICT);
    new SessionCookieDefaults(false).customize(own);
    assertThat(own.getSettings().getSession().getCookie().getSameSite())
        .isEqualTo(org.springframework.boot.web.server.Cookie.SameSite.STRICT);
    assertThat(own.getSettings().getSession().getCookie().getSecure()).isNull();
  }

  @Test
  void withoutJackson3TheApiIsLeftOutAndThePagesStay() {
    webRunner().withClassLoader(new FilteredClassLoader("tools.jackson")).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(PetitionApiController.class);
      assertThat(context).hasSingleBean(PetitionLinkController.class);
    });
  }

  @Test
  void requestsAreDatedByTheClockBean() {
    Instant now = Instant.parse("2030-05-01T12:00:00Z");
    webRunner().withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC)).run(context -> {
      RequestContext request = context.getBean(HttpRequestContexts.class)
          .of(new MockHttpServletRequest(), null, null, "api", null);
      assertThat(request.receivedAt()).isEqualTo(now);
    });
  }

  @Test
  void backsOffFromTheApplicationsWebBeans() {
    LinkPages pages = new DefaultLinkPages();
    TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1"));
    webRunner().withBean(LinkPages.class, () -> pages)
        .withBean(TrustedProxies.class, () -> proxies)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(LinkPages.class)).isSameAs(pages);
          assertThat(context.getBean(TrustedProxies.class)).isSameAs(proxies);
        });
  }
}
