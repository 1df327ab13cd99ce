package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * What an operator sees when a Boot application starts misconfigured: Boot's "APPLICATION FAILED TO START" report
 * (the failure analyzer) listing every petition setting at fault with its fix, no stack trace before it, no secret
 * in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureReportTest {

  /** An application with auto-configuration and nothing scanned (this package holds the starter's own beans). */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  @Test
  void everyProblemIsListedWithItsFixAndNoStackTraceOrSecret(CapturedOutput output) {
    String secret = TestKeys.base64(32);
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties("petition.identity.secret=" + secret, "petition.tokens.keys[0].id=k1",
            "petition.tokens.keys[0].secret=" + secret, "petition.store.schema=Bad Name",
            "spring.datasource.url=jdbc:h2:mem:report-" + System.nanoTime())
        .run()).hasRootCauseInstanceOf(PetitionConfigurationException.class);

    String report = output.getOut() + output.getErr();
    int header = report.indexOf("APPLICATION FAILED TO START");
    assertThat(header).as("Boot's failure report").isNotNegative();
    String before = report.substring(0, header);
    assertThat(before).as("no stack trace before the report").doesNotContain("\tat ");
    assertThat(report.substring(header)).contains("petition settings are missing or invalid",
        "petition.base-url: is not set", "petition.privacy.keys: no personal data key is set",
        "petition.store.schema", "petition.identity.secret: is the same secret as petition.tokens.keys[0].secret",
        "Action:", "- petition.base-url: Set petition.base-url");
    assertThat(report).doesNotContain(secret);
  }

  /**
   * A value Spring cannot convert at all (a non-numeric limit, a duration or a severity that is none) is reported by
   * Boot's binding analyzer: the property named, the value's problem and the fix, no stack trace first.
   */
  @Test
  void aValueThatCannotBeConvertedIsReportedNamingThePropertyWithoutAStackTrace(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties(TestKeys.required()).properties("petition.limits.max-name-length=one hundred")
        .run()).isNotNull();

    String report = output.getOut() + output.getErr();
    int header = report.indexOf("APPLICATION FAILED TO START");
    assertThat(header).as("Boot's failure report").isNotNegative();
    assertThat(report.substring(0, header)).as("no stack trace before the report").doesNotContain("\tat ");
    assertThat(report.substring(header)).contains("petition.limits.max-name-length", "one hundred", "Action:")
        .doesNotContain("\tat ");
  }

  @Test
  void aDurationOrSeverityThatIsNoneIsReportedNamingTheProperty(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties(TestKeys.required()).properties("petition.checks.surge.window=an hour")
        .run()).isNotNull();
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties(TestKeys.required()).properties("petition.checks.disposable-domains.severity=SEVERE")
        .run()).isNotNull();

    String report = output.getOut() + output.getErr();
    assertThat(report).contains("petition.checks.surge.window", "petition.checks.disposable-domains.severity")
        .doesNotContain("\tat ");
  }

  /**
   * Restarting without the data key that sealed stored rows: the report names {@code petition.privacy.keys}, the
   * missing key's id and what to do, no stack trace first, no secret.
   */
  @Test
  void aDataKeyMissingForStoredRowsIsReportedNamingThePropertyAndTheFix(CapturedOutput output) {
    String database = "spring.datasource.url=jdbc:h2:mem:report-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    String[] first = TestKeys.withSeedPetition();
    try (var context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(first)
        .properties(database).run()) {
      context.getBean(org.petition.Petitions.class).sign(PetitionContextRunners.frank().build());
    }
    String newSecret = TestKeys.base64(32);
    String[] second = java.util.Arrays.stream(first).map(p -> p.startsWith("petition.privacy.keys[0].id=")
        ? "petition.privacy.keys[0].id=d2" : p.startsWith("petition.privacy.keys[0].secret=")
        ? "petition.privacy.keys[0].secret=" + newSecret : p).toArray(String[]::new);
    int before = (output.getOut() + output.getErr()).length();
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(second)
        .properties(database).run()).hasRootCauseInstanceOf(PetitionConfigurationException.class);

    String report = (output.getOut() + output.getErr()).substring(before);
    int header = report.indexOf("APPLICATION FAILED TO START");
    assertThat(header).as("Boot's failure report").isNotNegative();
    assertThat(report.substring(0, header)).as("no stack trace before the report").doesNotContain("\tat ");
    assertThat(report.substring(header)).contains("petition.privacy.keys", "'d1'", "Action:",
        "Configure data key 'd1' in petition.privacy.keys with its original secret");
    assertThat(report).doesNotContain(newSecret);
    for (String property : first) {
      if (property.contains(".secret=")) {
        assertThat(report).doesNotContain(property.substring(property.indexOf('=') + 1));
      }
    }
  }
}
