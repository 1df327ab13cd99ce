package org.petition.demo;

import org.petition.Petitions;
import org.petition.spring.moderation.PetitionModerationController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo's security: the moderation console ({@code /admin/**}, its pages, and {@code /api/moderation/**}, the
 * starter's REST API) behind HTTP basic with the one moderator of {@code petition.demo.admin.username} and
 * {@code petition.demo.admin.password}; everything else open, as a petition site is (its forms carry the demo's own
 * CSRF token). Without both credentials there is no console: neither its pages nor the API exist (404), and the log
 * says so. The moderator's name is recorded with every decision.
 */
@Configuration(proxyBeanMethods = false)
class DemoSecurityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSecurityConfiguration.class);

  /** The console's paths, for its filter chain. */
  static final String[] CONSOLE = {"/admin/**", "/api/moderation/**"};

  /** The moderator, when configured; else no user at all (and no generated password from Boot). */
  @Bean
  InMemoryUserDetailsManager demoModerators(Environment environment) {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    String username = environment.getProperty(AdminConfigured.USERNAME);
    String password = environment.getProperty(AdminConfigured.PASSWORD);
    if (username != null && !username.isBlank() && password != null && !password.isBlank()) {
      users.createUser(User.withUsername(username.strip())
          .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
          .roles("MODERATOR").build());
      LOG.info("petition demo: the moderation console is at /admin/moderation (HTTP basic, {} set)",
          AdminConfigured.USERNAME);
    } else {
      LOG.info("petition demo: no moderation console; set {} and {} to have one", AdminConfigured.USERNAME,
          AdminConfigured.PASSWORD);
    }
    return users;
  }

  /** The site: open; the demo's forms carry a CSRF token of their own (CsrfTokens), so Security's is off. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain demoSiteSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * The console's beans, only with credentials: its security and the starter's moderation API (the demo's pages,
   * ModerationPageController, carry the same condition).
   */
  @Configuration(proxyBeanMethods = false)
  @Conditional(AdminConfigured.class)
  static class Console {

    /**
     * The console: HTTP basic, the moderator role, Spring Security's CSRF token on the pages' forms; the JSON API
     * is exempt from that token, as a cross-site form cannot send its {@code application/json} bodies.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain demoConsoleSecurity(HttpSecurity http) throws Exception {
      return http.securityMatcher(CONSOLE)
          .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("MODERATOR"))
          .httpBasic(Customizer.withDefaults())
          .csrf(csrf -> csrf.ignoringRequestMatchers("/api/moderation/**"))
          .build();
    }

    @Bean
    PetitionModerationController petitionModerationController(Petitions petitions) {
      return new PetitionModerationController(petitions);
    }
  }
}
