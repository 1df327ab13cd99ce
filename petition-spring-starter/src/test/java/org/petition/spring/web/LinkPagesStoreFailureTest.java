package org.petition.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.petition.spring.TestKeys;
import org.petition.store.AccountStore;
import org.petition.store.PetitionStoreException;
import org.petition.store.memory.InMemoryAccountStore;
import org.petition.token.TokenPurpose;
import org.petition.token.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A store failing behind a link page is a 503 page saying to try again, on a real Tomcat; never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkPagesStoreFailureTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    /** An account store whose reads fail as an unreachable database's would. */
    @Bean
    AccountStore failingAccountStore() {
      AccountStore store = new InMemoryAccountStore();
      return (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(),
          new Class<?>[] {AccountStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("byId")) {
              throw new PetitionStoreException("read account failed: the database is unreachable", false, null);
            }
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    for (String property : TestKeys.withSeedPetition()) {
      int eq = property.indexOf('=');
      registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
    }
  }

  @LocalServerPort int port;
  @Autowired Tokens tokens;

  @Test
  void theVerificationPageSaysToTryAgain() throws Exception {
    String token = tokens.mint(TokenPurpose.VERIFY_ACCOUNT, 1, "account", Instant.now().plus(1, ChronoUnit.DAYS));
    SiteClient site = new SiteClient("http://localhost:" + port);
    HttpResponse<String> page = site.postForm("/account/verify", "token", token);
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.body()).contains("try again").doesNotContain("Exception").doesNotContain("unreachable");
  }
}
