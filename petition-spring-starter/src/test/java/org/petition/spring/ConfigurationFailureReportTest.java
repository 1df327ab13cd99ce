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
}
