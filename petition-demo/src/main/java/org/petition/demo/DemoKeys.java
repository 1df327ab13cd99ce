package org.petition.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.petition.spring.PetitionConfigurationException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;

/**
 * Gives the demo its keys without shipping any: on first start it generates random token, identity and
 * personal-data keys into {@code <data-dir>/demo-keys.properties} and reuses them on every later start, so
 * links in mails already sent keep working. Keys set by real configuration win; the file is only a
 * fallback, added with the lowest precedence, for none of them configured: some configured and some not stops
 * start-up naming the missing ones. Never prints a key.
 */
public class DemoKeys implements EnvironmentPostProcessor {

  static final String FILE = "demo-keys.properties";
  private static final String[] SECRETS = {
    "petition.tokens.keys[0].secret", "petition.identity.secret", "petition.privacy.keys[0].secret"
  };

  private final Log log;

  public DemoKeys(DeferredLogFactory logs) {
    this.log = logs.getLog(DemoKeys.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> given = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String secret : SECRETS) {
      (environment.containsProperty(secret) ? given : missing).add(secret);
    }
    if (missing.isEmpty()) {
      return;
    }
    Path file = Path.of(environment.getProperty("petition.demo.data-dir", "./data")).resolve(FILE);
    if (!given.isEmpty()) {
      // A partly configured set is a mistake, not a request for generated keys: filling the rest from the file
      // would silently pair real keys with demo ones.
      throw new PetitionConfigurationException(missing.get(0), "is not set, while " + String.join(" and ", given)
          + (given.size() == 1 ? " is" : " are") + ": the demo's keys are configured in part",
          "Set " + String.join(" and ", missing) + " too (each base64 of 32 random bytes from `openssl rand -base64"
              + " 32`), or none of the three to use the demo's generated keys in " + file.toAbsolutePath().normalize()
              + ".", null);
    }
    Properties keys = Files.exists(file) ? read(file) : generate(file);
    environment.getPropertySources().addLast(new PropertiesPropertySource("demoKeys", keys));
  }

  private Properties read(Path file) {
    Properties keys = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo keys in " + file, e);
    }
    log.info("Using the demo keys in " + file.toAbsolutePath().normalize());
    return keys;
  }

  private Properties generate(Path file) {
    SecureRandom random = new SecureRandom();
    Properties keys = new Properties();
    keys.setProperty("petition.tokens.keys[0].id", "demo");
    keys.setProperty("petition.tokens.keys[0].secret", secret(random));
    keys.setProperty("petition.identity.secret", secret(random));
    keys.setProperty("petition.privacy.keys[0].id", "demo");
    keys.setProperty("petition.privacy.keys[0].secret", secret(random));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
        keys.store(out, "Random keys of the petition demo, generated on first start. Keep this file: links in"
            + " mails already sent and the encrypted personal data depend on it. Not for production.");
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own permissions apply
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo keys to " + file, e);
    }
    log.info("Generated new random demo keys in " + file.toAbsolutePath().normalize()
        + " (keep the file: restarts reuse it so that links in mails keep working)");
    return keys;
  }

  private static String secret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
