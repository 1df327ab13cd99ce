package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build generates (spring-boot-configuration-processor, merged with {@code
 * additional-spring-configuration-metadata.json}) describes every property an IDE should complete.
 */
class PetitionConfigurationMetadataTests {

  private final Map<String, JsonNode> properties = properties();

  @Test
  void everyPropertyHasATypeAndADescription() {
    assertThat(properties).isNotEmpty();
    properties.forEach((name, property) -> {
      assertThat(property.path("type").asString("")).as("type of %s", name).isNotBlank();
      assertThat(property.path("description").asString("")).as("description of %s", name).isNotBlank();
    });
  }

  @Test
  void everyBoundPropertyIsInTheMetadata() {
    List<String> bound = new ArrayList<>();
    collect(PetitionProperties.class, "petition", bound);
    assertThat(bound).contains("petition.base-url", "petition.maintenance.interval", "petition.mail.retry.multiplier",
        "petition.petitions", "petition.tokens.keys", "petition.checks.rate-limit.ip-burst.count",
        "petition.checks.surge.hold-threshold", "petition.checks.disposable-domains.severity",
        "petition.checks.content.enabled");
    assertThat(properties.keySet()).containsAll(bound);
    assertThat(properties.keySet()).contains("management.health.petition.enabled");
  }

  @Test
  void thePurgeIntervalIsDeprecatedForTheMaintenanceInterval() {
    JsonNode deprecation = properties.get("petition.purge.interval").path("deprecation");
    assertThat(deprecation.path("replacement").asString()).isEqualTo("petition.maintenance.interval");
    assertThat(deprecation.path("level").asString()).isEqualTo("warning");
    assertThat(properties.get("petition.maintenance.interval").path("defaultValue").asString()).isEqualTo("1h");
    assertThat(properties.get("petition.maintenance.interval").has("deprecation")).isFalse();
  }

  @Test
  void defaultsComputedInCodeAreStated() {
    assertThat(properties.get("petition.limits.max-name-length").path("defaultValue").asInt()).isEqualTo(100);
    assertThat(properties.get("petition.limits.pending-ttl").path("defaultValue").asString()).isEqualTo("7d");
    assertThat(properties.get("petition.web.max-body-bytes").path("defaultValue").asInt()).isEqualTo(32768);
    assertThat(properties.get("petition.store.batch-size").path("defaultValue").asInt()).isEqualTo(64);
    assertThat(properties.get("petition.store.schema").path("defaultValue").asString()).isEqualTo("petition");
    assertThat(properties.get("petition.resend.per-minute").path("defaultValue").asInt()).isEqualTo(1);
    assertThat(properties.get("petition.resend.per-day").path("defaultValue").asInt()).isEqualTo(5);
    assertThat(properties.get("petition.invitations.per-signer-per-day").path("defaultValue").asInt()).isEqualTo(10);
    assertThat(properties.get("petition.invitations.token-ttl").path("defaultValue").asString()).isEqualTo("30d");
    assertThat(properties.get("petition.invitations.suppress-link-ttl").path("defaultValue").asString())
        .isEqualTo("1825d");
    assertThat(properties.get("petition.invitations.sign-path").path("defaultValue").asString())
        .isEqualTo("/p/{slug}");
    assertThat(properties.get("petition.checks.rate-limit.ip-burst.count").path("defaultValue").asInt()).isEqualTo(1);
    assertThat(properties.get("petition.checks.rate-limit.ip-burst.window").path("defaultValue").asString())
        .isEqualTo("60s");
    assertThat(properties.get("petition.checks.rate-limit.ip-sustained.count").path("defaultValue").asInt())
        .isEqualTo(5);
    assertThat(properties.get("petition.checks.rate-limit.network-sustained.window").path("defaultValue").asString())
        .isEqualTo("1h");
    assertThat(properties.get("petition.checks.bot-signals.minimum-fill-time").path("defaultValue").asString())
        .isEqualTo("3s");
    assertThat(properties.get("petition.checks.surge.threshold").path("defaultValue").asInt()).isEqualTo(100);
  }

  /** Every writable property reachable from the class, nested groups followed (they are nested classes). */
  private static void collect(Class<?> type, String prefix, List<String> names) {
    for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
      if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
        continue;
      }
      String name = prefix + "." + kebab(descriptor.getName());
      Class<?> propertyType = descriptor.getPropertyType();
      boolean group = propertyType.getDeclaringClass() == PetitionProperties.class
          || propertyType == PetitionCheckProperties.class
          || propertyType.getDeclaringClass() == PetitionCheckProperties.class;
      if (group && descriptor.getWriteMethod() == null) {
        collect(propertyType, name, names);
      } else if (descriptor.getWriteMethod() != null) {
        names.add(name);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, JsonNode> properties() {
    try (InputStream in = PetitionConfigurationMetadataTests.class
        .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata on the classpath").isNotNull();
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
        byName.put(property.path("name").asString(), property);
      }
      return byName;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
