package org.petition.spring;

import static org.petition.spring.PropertyChecks.GENERATE;
import static org.petition.spring.PropertyChecks.positive;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.petition.log.LogKeys;

/**
 * {@code petition.log.*} (the transparency log): its checkpoint signing keys through {@link LogKeys} and how often
 * checkpoints are signed. A missing or invalid key names its property; no message contains a seed.
 */
public final class PetitionLogMapper {

  private static final Pattern KEY_PROPERTY = Pattern.compile("^keys\\[\\d+]\\.(name|seed)");

  private PetitionLogMapper() {}

  /**
   * The transparency log's signing keys, or null when {@code petition.log.enabled} is false; with the log on,
   * a missing or invalid key stops start-up naming its property.
   */
  public static @Nullable LogKeys logKeys(PetitionProperties properties) {
    PetitionLogProperties log = properties.getLog();
    if (!log.isEnabled()) {
      return null;
    }
    String action = "Set petition.log.keys[0].name (such as " + PetitionPropertiesMapper.baseHost(properties)
        + "/log) and petition.log.keys[0].seed (base64 of 32 random bytes), or set petition.log.enabled=false. "
        + String.format(GENERATE, "PETITION_LOG_KEYS_0_SEED");
    if (log.getKeys().isEmpty()) {
      throw new PetitionConfigurationException("petition.log.keys[0].seed",
          "no checkpoint signing key is set while the transparency log is enabled", action, null);
    }
    List<LogKeys.Spec> specs = log.getKeys().stream()
        .map(key -> new LogKeys.Spec(orEmpty(key.getName()), orEmpty(key.getSeed()))).toList();
    try {
      return LogKeys.fromSpecs(specs);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      // LogKeys names the key as keys[i].name or keys[i].seed; the property is that under petition.log.
      Matcher named = KEY_PROPERTY.matcher(message);
      String property = named.find() ? "petition.log." + named.group() : "petition.log.keys";
      throw new PetitionConfigurationException(property, message, action, null);
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** How often checkpoints are signed. */
  public static Duration checkpointInterval(PetitionProperties properties) {
    return positive(properties.getLog().getCheckpointInterval(), "petition.log.checkpoint-interval", "10s");
  }
}
