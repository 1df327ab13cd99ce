package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petition.spring.PetitionConfigurationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DemoKeysTest {

  @TempDir Path dir;

  private StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  private void process(StandardEnvironment environment) {
    new DemoKeys(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void generatesRandomKeysOnFirstStartAndReusesThemAfter() throws Exception {
    StandardEnvironment first = environment(Map.of("petition.demo.data-dir", dir.toString()));
    process(first);
    Path file = dir.resolve(DemoKeys.FILE);
    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String tokenSecret = first.getProperty("petition.tokens.keys[0].secret");
    assertThat(tokenSecret).isNotBlank();
    assertThat(first.getProperty("petition.identity.secret")).isNotBlank().isNotEqualTo(tokenSecret);
    assertThat(first.getProperty("petition.privacy.keys[0].secret")).isNotBlank();

    StandardEnvironment second = environment(Map.of("petition.demo.data-dir", dir.toString()));
    process(second);
    assertThat(second.getProperty("petition.tokens.keys[0].secret")).isEqualTo(tokenSecret);

    Path other = dir.resolve("other");
    StandardEnvironment elsewhere = environment(Map.of("petition.demo.data-dir", other.toString()));
    process(elsewhere);
    assertThat(elsewhere.getProperty("petition.tokens.keys[0].secret")).isNotEqualTo(tokenSecret);
  }

  @Test
  void realConfigurationWinsAndNothingIsWritten() {
    StandardEnvironment configured = environment(Map.of(
        "petition.demo.data-dir", dir.toString(),
        "petition.tokens.keys[0].secret", "configured",
        "petition.identity.secret", "configured",
        "petition.privacy.keys[0].secret", "configured"));
    process(configured);
    assertThat(dir.resolve(DemoKeys.FILE)).doesNotExist();
    assertThat(configured.getProperty("petition.tokens.keys[0].secret")).isEqualTo("configured");
  }

  @Test
  void aPartlyConfiguredSetStopsStartUpNamingWhatIsMissing() {
    StandardEnvironment partial = environment(Map.of(
        "petition.demo.data-dir", dir.toString(),
        "petition.identity.secret", "c2VjcmV0LXZhbHVl"));
    assertThatThrownBy(() -> process(partial)).isInstanceOf(PetitionConfigurationException.class)
        .hasMessageContaining("petition.tokens.keys[0].secret: is not set, while petition.identity.secret is")
        .satisfies(e -> assertThat(((PetitionConfigurationException) e).action())
            .contains("petition.tokens.keys[0].secret and petition.privacy.keys[0].secret"))
        .hasMessageNotContaining("c2VjcmV0LXZhbHVl");
    assertThat(dir.resolve(DemoKeys.FILE)).doesNotExist();
  }
}
