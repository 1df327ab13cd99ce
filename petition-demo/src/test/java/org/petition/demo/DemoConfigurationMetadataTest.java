package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's own properties, {@code petition.demo.*}, are in the configuration metadata its build generates (the
 * record's javadoc through spring-boot-configuration-processor, the console's credentials from the additional
 * file), each with a description, so an IDE completes and explains them as it does the starter's.
 */
class DemoConfigurationMetadataTest {

  @Test
  void everyDemoPropertyIsDescribed() throws Exception {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    try (InputStream in = DemoProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI()
        .resolve("META-INF/spring-configuration-metadata.json").toURL().openStream()) {
      JsonMapper.builder().build().readTree(in).path("properties")
          .forEach(p -> properties.put(p.path("name").asString(), p));
    }
    assertThat(properties).containsKeys("petition.demo.data-dir", "petition.demo.home", "petition.demo.dev-outbox",
        "petition.demo.admin.username", "petition.demo.admin.password");
    properties.forEach((name, property) -> assertThat(property.path("description").asString(""))
        .as("description of %s", name).isNotBlank());
    assertThat(properties.get("petition.demo.dev-outbox").path("type").asString()).isEqualTo("java.lang.Boolean");
    assertThat(properties.get("petition.demo.data-dir").path("sourceType").asString())
        .isEqualTo(DemoProperties.class.getName());
  }
}
