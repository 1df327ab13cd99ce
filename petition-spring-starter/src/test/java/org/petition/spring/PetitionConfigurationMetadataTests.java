package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build generates (spring-boot-configuration-processor from the fields' javadoc,
 * merged with {@code additional-spring-configuration-metadata.json}) describes every property an IDE should
 * complete: every property the starter's {@code @ConfigurationProperties} bind, found by walking them reflectively
 * (nested groups and the elements of lists such as {@code petition.petitions[0].*}), has an entry with a
 * description, and every default a fresh instance holds is stated and converts back to that value.
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
  void everyBoundPropertyIsInTheMetadataWithADescription() {
    Map<String, Bound> bound = bound();
    assertThat(bound.keySet()).contains("petition.base-url", "petition.maintenance.interval",
        "petition.mail.retry.multiplier", "petition.petitions", "petition.tokens.keys",
        "petition.checks.rate-limit.ip-burst.count", "petition.checks.surge.hold-threshold",
        "petition.checks.disposable-domains.severity", "petition.checks.content.enabled",
        // list elements: what everyone sets for each petition, its consents, keys and thresholds
        "petition.petitions[0].slug", "petition.petitions[0].closes-at", "petition.petitions[0].goals-by-country",
        "petition.petitions[0].consents[0].purpose", "petition.tokens.keys[0].secret", "petition.privacy.keys[0].id",
        "petition.log.keys[0].seed", "petition.milestones.thresholds[0].within");
    List<String> missing = new ArrayList<>();
    bound.keySet().forEach(name -> {
      JsonNode property = properties.get(name);
      if (property == null || property.path("description").asString("").isBlank()) {
        missing.add(name);
      }
    });
    assertThat(missing).as("bound properties without metadata or without a description").isEmpty();
    assertThat(properties.keySet()).contains("management.health.petition.enabled", "petition.moderation.api.enabled");
  }

  @Test
  void everyDefaultIsStatedAndIsTheOneBound() {
    List<String> wrong = new ArrayList<>();
    bound().forEach((name, property) -> {
      Object value = property.defaultValue();
      if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m
          && m.isEmpty()) {
        return; // nothing to state: unset, or an empty list
      }
      JsonNode stated = properties.get(name) == null ? null : properties.get(name).get("defaultValue");
      if (stated == null) {
        wrong.add(name + ": no defaultValue, bound " + value);
        return;
      }
      Object converted = convert(stated, property);
      if (!value.equals(converted)) {
        wrong.add(name + ": defaultValue " + stated + " is " + converted + ", bound " + value);
      }
    });
    assertThat(wrong).as("defaults missing from the metadata or not the ones bound").isEmpty();
  }

  @Test
  void theProcessorTurnsFieldJavadocIntoDescriptions() {
    // A group only the annotation processor writes (the additional file has none), and a description that is the
    // field's javadoc word for word.
    assertThat(properties.get("petition.base-url").path("sourceType").asString())
        .isEqualTo(PetitionProperties.class.getName());
    assertThat(properties.get("petition.base-url").path("description").asString()).isEqualTo("The site's absolute"
        + " base URL, such as https://petitions.example.org; confirmation links are built on it.");
    assertThat(properties.get("petition.checks.surge.hold-threshold").path("sourceType").asString())
        .isEqualTo(PetitionCheckProperties.Surge.class.getName());
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

  /** A bound property: its type (with generics) and the value a fresh instance holds. */
  private record Bound(Class<?> type, Type genericType, @Nullable Object defaultValue) {}

  /** Every property bound under {@code petition}, walked reflectively from fresh instances. */
  private static Map<String, Bound> bound() {
    Map<String, Bound> names = new TreeMap<>();
    collect(new PetitionProperties(), "petition", names);
    return names;
  }

  /**
   * Every writable property reachable from the instance: nested groups (classes of the starter) followed, and the
   * elements of a list of them under {@code name[0]} (Spring binds {@code petition.petitions[0].slug}).
   */
  private static void collect(Object instance, String prefix, Map<String, Bound> names) {
    for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(instance.getClass())) {
      Method read = descriptor.getReadMethod();
      if (read == null || descriptor.getName().equals("class")) {
        continue;
      }
      String name = prefix + "." + kebab(descriptor.getName());
      Class<?> type = descriptor.getPropertyType();
      Object value = invoke(read, instance);
      if (isGroup(type)) {
        collect(Objects.requireNonNull(value, name), name, names);
        continue;
      }
      if (descriptor.getWriteMethod() == null) {
        continue;
      }
      names.put(name, new Bound(type, read.getGenericReturnType(), value));
      if (Collection.class.isAssignableFrom(type) && isGroup(typeArgument(read.getGenericReturnType(), 0))) {
        collect(BeanUtils.instantiateClass(typeArgument(read.getGenericReturnType(), 0)), name + "[0]", names);
      }
      if (Map.class.isAssignableFrom(type)) {
        assertThat(isGroup(typeArgument(read.getGenericReturnType(), 1))).as("a map of groups: not walked yet, %s",
            name).isFalse();
      }
    }
  }

  private static boolean isGroup(Class<?> type) {
    return type.getPackageName().startsWith("org.petition.spring") && !type.isEnum();
  }

  private static Class<?> typeArgument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
        ? ResolvableType.forType(parameterized.getActualTypeArguments()[index]).toClass()
        : Object.class;
  }

  private static @Nullable Object invoke(Method read, Object instance) {
    try {
      return read.invoke(instance);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(read + " cannot be read", e);
    }
  }

  /** The stated default as Spring Boot would bind it: through its conversion service, element by element. */
  private static @Nullable Object convert(JsonNode stated, Bound property) {
    ConversionService conversion = ApplicationConversionService.getSharedInstance();
    if (stated.isArray()) {
      Class<?> element = typeArgument(property.genericType(), 0);
      List<Object> values = new ArrayList<>();
      stated.forEach(item -> values.add(conversion.convert(item.asString(), element)));
      return values;
    }
    return conversion.convert(stated.asString(), ClassUtils.resolvePrimitiveIfNecessary(property.type()));
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The starter's own metadata: the file beside its classes, not another jar's of the same name. */
  private static Map<String, JsonNode> properties() {
    try (InputStream in = PetitionProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI()
        .resolve("META-INF/spring-configuration-metadata.json").toURL().openStream()) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
        byName.put(property.path("name").asString(), property);
      }
      return byName;
    } catch (IOException | java.net.URISyntaxException e) {
      throw new AssertionError("the starter's generated metadata cannot be read (compile first)", e);
    }
  }
}
