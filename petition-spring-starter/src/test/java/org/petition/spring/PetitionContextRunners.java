package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.petition.Petitions;
import org.petition.SignatureRequest;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKey;
import org.petition.privacy.DataKeys;
import org.petition.spring.health.PetitionHealthAutoConfiguration;
import org.petition.spring.mail.PetitionMailAutoConfiguration;
import org.petition.spring.metrics.PetitionMetricsAutoConfiguration;
import org.petition.spring.web.PetitionWebAutoConfiguration;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** What the auto-configuration tests share: runners over every starter auto-configuration, and checks. */
public final class PetitionContextRunners {

  /** Every auto-configuration of the starter, as the imports file lists them. */
  public static final AutoConfigurations ALL = AutoConfigurations.of(
      PetitionAutoConfiguration.class, PetitionJdbcStoreAutoConfiguration.class,
      PetitionSchedulingAutoConfiguration.class, PetitionEventsAutoConfiguration.class,
      PetitionMailAutoConfiguration.class, PetitionMetricsAutoConfiguration.class,
      PetitionHealthAutoConfiguration.class, PetitionWebAutoConfiguration.class,
      org.petition.spring.web.PetitionDevOutboxAutoConfiguration.class);

  /** The slug of {@link TestKeys#seedPetition(int)}. */
  public static final String SEED = "us-troops-out-of-korea";

  private PetitionContextRunners() {}

  /** A plain application with every auto-configuration and the required properties. */
  public static ApplicationContextRunner runner() {
    return new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues(TestKeys.required());
  }

  /** A servlet web application with every auto-configuration and the required properties. */
  public static WebApplicationContextRunner webRunner() {
    return new WebApplicationContextRunner().withConfiguration(ALL).withPropertyValues(TestKeys.required());
  }

  /** A plain application with every auto-configuration and the required properties but those under prefix. */
  public static ApplicationContextRunner runnerWithout(String prefix) {
    return new ApplicationContextRunner().withConfiguration(ALL)
        .withPropertyValues(Arrays.stream(TestKeys.required()).filter(p -> !p.startsWith(prefix))
            .toArray(String[]::new));
  }

  /** Start-up failed with a {@link PetitionConfigurationException} naming {@code property}. */
  public static void assertFailure(ApplicationContextAssertProvider<?> context, String property, String problem) {
    assertThat(context.getStartupFailure()).as("start-up failure").isNotNull();
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof PetitionConfigurationException)) {
      failure = failure.getCause();
    }
    assertThat(failure).as("a PetitionConfigurationException in the cause chain").isNotNull();
    PetitionConfigurationException configuration = (PetitionConfigurationException) failure;
    assertThat(configuration.property()).isEqualTo(property);
    assertThat(configuration.getMessage()).startsWith(property + ": ").contains(problem);
    assertThat(configuration.action()).isNotBlank();
  }

  /** Every message down the start-up failure's cause chain. */
  public static String rootMessage(ApplicationContextAssertProvider<?> context) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /** A signing of the seed petition by Frank, with every required consent. */
  public static SignatureRequest.Builder frank() {
    return SignatureRequest.builder(SEED).person("Frank", "Castellano").email("frank@example.com").country("US")
        .consent("terms", "privacy", "processing");
  }

  /** The token of the latest link the dev outbox holds for the address. */
  public static String confirmToken(ApplicationContext context, String email) {
    String link = context.getBean(InMemoryOutbox.class).latestTo(email).orElseThrow().actionUrl();
    return link.substring(link.indexOf("token=") + 6);
  }

  /** A Petitions built by hand, as an application declaring its own would. */
  public static Petitions ownPetitions(String baseUrl) {
    return Petitions.builder()
        .tokenKeys(Tokens.of(TokenKey.of("x", new byte[32])))
        .identitySecret(new byte[32])
        .dataKeys(DataKeys.of(new DataKey("x", new byte[32])))
        .sender(message -> { })
        .baseUrl(baseUrl)
        .build();
  }

  /** An H2 database in memory, kept until the JVM ends. */
  public static DataSource h2(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }
}
