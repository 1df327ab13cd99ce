package org.petition.spring;

import java.lang.reflect.Proxy;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.petition.Petitions;
import org.petition.store.jdbc.JdbcSignatureStore;

/**
 * Every {@code petition.*} setting checked at once, before anything touches the database: the beans that reach the
 * database (the JDBC store, which migrates, and the mail outbox) depend on this one, so a start with any setting
 * missing or wrong stops with one {@link PetitionConfigurationException} listing them all, and nothing is migrated.
 * Each check is the one the bean it configures would make (the mappers: {@link PetitionPropertiesMapper} and the
 * mapper of each group it names); on top of them, one secret used for two purposes (identity, token links, personal
 * data) is refused. No secret is ever quoted.
 */
public final class PetitionConfigurationCheck {

  private static final String GENERATE = "Generate a secret of its own for each purpose with `openssl rand -base64"
      + " 32` and keep it in your secret store.";

  /** A data source no setting check ever connects to: the store's builder only needs one to exist. */
  private static final DataSource NO_DATA_SOURCE = (DataSource) Proxy.newProxyInstance(
      PetitionConfigurationCheck.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
        throw new UnsupportedOperationException("the configuration check does not connect");
      });

  private PetitionConfigurationCheck() {}

  /**
   * Checks every setting.
   *
   * @param checkTokens whether {@code petition.tokens.*} is used (no Tokens bean of the application's own)
   * @param checkDataKeys whether {@code petition.privacy.*} is used (no DataKeys bean of the application's own)
   * @param checkStore whether {@code petition.store.*} is used (a JDBC store is built)
   * @return the check, passed
   * @throws PetitionConfigurationException listing every problem found
   */
  public static PetitionConfigurationCheck check(PetitionProperties properties, boolean checkTokens,
      boolean checkDataKeys, boolean checkStore) {
    List<PetitionConfigurationException> problems = problems(properties, checkTokens, checkDataKeys, checkStore);
    if (!problems.isEmpty()) {
      throw PetitionConfigurationException.of(problems);
    }
    return new PetitionConfigurationCheck();
  }

  /** Every problem of the settings, each naming its property; empty when there is none. */
  public static List<PetitionConfigurationException> problems(PetitionProperties properties, boolean checkTokens,
      boolean checkDataKeys, boolean checkStore) {
    // Keyed by property and problem: a check that repeats another's (configure() checks the base URL again) adds
    // nothing.
    Map<String, PetitionConfigurationException> problems = new LinkedHashMap<>();
    List<Runnable> checks = new ArrayList<>();
    checks.add(() -> PetitionPropertiesMapper.baseUrl(properties));
    if (checkTokens) {
      checks.add(() -> PetitionKeysMapper.tokens(properties));
    }
    checks.add(() -> PetitionKeysMapper.identitySecret(properties));
    if (checkDataKeys) {
      checks.add(() -> PetitionKeysMapper.dataKeys(properties));
    }
    checks.add(() -> PetitionLimitsMapper.limits(properties));
    checks.add(() -> PetitionLimitsMapper.resendLimits(properties));
    checks.add(() -> PetitionMilestonesMapper.milestones(properties));
    checks.add(() -> PetitionPropertiesMapper.configure(Petitions.builder(), properties));
    List<PetitionDefinitionProperties> definitions = properties.getPetitions();
    for (int i = 0; i < definitions.size(); i++) {
      PetitionDefinitionProperties definition = definitions.get(i);
      String prefix = "petition.petitions[" + i + "]";
      checks.add(() -> PetitionDefinitionsMapper.petition(definition, prefix));
    }
    if (checkStore) {
      checks.add(() -> PetitionStoreMapper.jdbcStore(JdbcSignatureStore.builder(NO_DATA_SOURCE), properties));
    }
    checks.add(() -> PetitionStoreMapper.storeSchema(properties));
    checks.add(() -> PetitionMaintenanceMapper.maintenanceInterval(properties));
    checks.add(() -> PetitionMaintenanceMapper.purgeBatchSize(properties));
    checks.add(() -> PetitionMaintenanceMapper.retentionBatchSize(properties));
    checks.add(() -> PetitionMailMapper.mailRetry(properties));
    checks.add(() -> PetitionMailMapper.mailMaxDelay(properties));
    checks.add(() -> PetitionMailMapper.mailKeepFailed(properties));
    checks.add(() -> PetitionMailMapper.mailSmtpTimeout(properties));
    checks.add(() -> PetitionMailMapper.mailMemoryCapacity(properties));
    checks.add(() -> PetitionLimitsMapper.formTokenLimits(properties));
    checks.add(() -> PetitionLimitsMapper.invitationLimits(properties));
    checks.add(() -> PetitionWebMapper.trustedProxies(properties));
    checks.add(() -> PetitionWebMapper.maxBodyBytes(properties));
    checks.add(() -> PetitionWebMapper.maxUploadBytes(properties));
    checks.add(() -> PetitionChecksMapper.checks(properties, java.time.Clock.systemUTC()));
    checks.add(() -> PetitionLogMapper.logKeys(properties));
    checks.add(() -> PetitionLogMapper.checkpointInterval(properties));
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (PetitionConfigurationException e) {
        for (PetitionConfigurationException problem : e.problems()) {
          problems.putIfAbsent(problem.getMessage(), problem);
        }
      }
    }
    reusedSecrets(properties).forEach(problem -> problems.putIfAbsent(problem.getMessage(), problem));
    return List.copyOf(problems.values());
  }

  /** One secret given for two purposes: each later property that repeats an earlier one's secret. */
  static List<PetitionConfigurationException> reusedSecrets(PetitionProperties properties) {
    List<Secret> secrets = new ArrayList<>();
    List<PetitionKeyProperties> tokens = properties.getTokens().getKeys();
    for (int i = 0; i < tokens.size(); i++) {
      add(secrets, "petition.tokens.keys[" + i + "].secret", "tokens", tokens.get(i).getSecret());
    }
    add(secrets, "petition.identity.secret", "identity", properties.getIdentity().getSecret());
    List<PetitionKeyProperties> data = properties.getPrivacy().getKeys();
    for (int i = 0; i < data.size(); i++) {
      add(secrets, "petition.privacy.keys[" + i + "].secret", "privacy", data.get(i).getSecret());
    }
    List<PetitionLogProperties.Key> logKeys = properties.getLog().getKeys();
    for (int i = 0; i < logKeys.size(); i++) {
      add(secrets, "petition.log.keys[" + i + "].seed", "log", logKeys.get(i).getSeed());
    }
    List<PetitionConfigurationException> problems = new ArrayList<>();
    for (int later = 1; later < secrets.size(); later++) {
      Secret b = secrets.get(later);
      for (int earlier = 0; earlier < later; earlier++) {
        Secret a = secrets.get(earlier);
        if (!a.purpose().equals(b.purpose()) && MessageDigest.isEqual(a.bytes(), b.bytes())) {
          problems.add(new PetitionConfigurationException(b.property(), "is the same secret as " + a.property()
              + "; one secret must not serve two purposes (a leak of one would be a leak of both)", GENERATE, null));
          break;
        }
      }
    }
    return problems;
  }

  /** A configured secret, decoded; its value is never shown. */
  private record Secret(String property, String purpose, byte[] bytes) {}

  private static void add(List<Secret> secrets, String property, String purpose, @Nullable String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    String trimmed = secret.strip();
    try {
      secrets.add(new Secret(property, purpose, trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed)));
    } catch (IllegalArgumentException e) {
      // Not base64: reported by the property's own check.
    }
  }
}
