package org.petition.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo's administration behind HTTP basic authentication: {@code /admin/**} and {@code /api/moderation/**}
 * need the one administrator configured by {@code petition.demo.admin.username} and {@code
 * petition.demo.admin.password} (its password kept hashed in memory, never logged). Without both, there is no
 * administrator: the admin pages are not there ({@link AdminExportController} is not registered) and the
 * moderation API is refused. Everything else stays as open as before: the public pages and API carry their own
 * defences (the forms' synchronizer tokens, {@link CsrfTokens}; the JSON API's content type), so Spring
 * Security's own CSRF filter is off for them.
 */
@Configuration(proxyBeanMethods = false)
class DemoSecurityConfiguration {

  static final String USERNAME = "petition.demo.admin.username";
  static final String PASSWORD = "petition.demo.admin.password";

  static boolean adminConfigured(Environment environment) {
    String username = environment.getProperty(USERNAME);
    String password = environment.getProperty(PASSWORD);
    return username != null && !username.isBlank() && password != null && !password.isBlank();
  }

  @Bean
  SecurityFilterChain demoSecurity(HttpSecurity http, Environment environment) throws Exception {
    boolean admin = adminConfigured(environment);
    if (admin) {
      http.httpBasic(Customizer.withDefaults()); // without an administrator, no credentials are read at all
    }
    // The forms check their own synchronizer tokens (CsrfTokens) and the JSON API is not a form target;
    // the admin paths take only GETs. So Spring Security's CSRF filter stays out of the way.
    http.csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.none()))
        .authorizeHttpRequests(requests -> {
          if (admin) {
            requests.requestMatchers("/admin/**", "/api/moderation/**").hasRole("ADMIN");
          } else {
            requests.requestMatchers("/api/moderation/**").denyAll();
          }
          requests.anyRequest().permitAll();
        });
    return http.build();
  }

  /** The administrator, or nobody; defined always, so Boot never generates a user with a logged password. */
  @Bean
  UserDetailsService demoAdministrators(Environment environment) {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    if (adminConfigured(environment)) {
      PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
      users.createUser(User.withUsername(environment.getRequiredProperty(USERNAME))
          .password(encoder.encode(environment.getRequiredProperty(PASSWORD))).roles("ADMIN").build());
    }
    return users;
  }
}
