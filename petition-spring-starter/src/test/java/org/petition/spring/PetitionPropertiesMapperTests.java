package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.spring.mail.RetryPolicy;
import org.petition.store.jdbc.JdbcSignatureStore;

/**
 * The mappers of {@link PetitionProperties} ({@link PetitionLimitsMapper}, {@link PetitionDefinitionsMapper},
 * {@link PetitionMailMapper}, …) without a context: each wrong value is refused by the builder it goes
 * through, and the error names that value's property.
 */
class PetitionPropertiesMapperTests {

  @Test
  void eachLimitIsNamed() {
    assertNamed(p -> p.getLimits().setMaxNameLength(0), PetitionLimitsMapper::limits,
        "petition.limits.max-name-length");
    assertNamed(p -> p.getLimits().setMaxOrganizationNameLength(2_000_000), PetitionLimitsMapper::limits,
        "petition.limits.max-organization-name-length");
    assertNamed(p -> p.getLimits().setMaxNicknameLength(-1), PetitionLimitsMapper::limits,
        "petition.limits.max-nickname-length");
    assertNamed(p -> p.getLimits().setMaxAffiliationLength(0), PetitionLimitsMapper::limits,
        "petition.limits.max-affiliation-length");
    assertNamed(p -> p.getLimits().setMaxCommentLength(0), PetitionLimitsMapper::limits,
        "petition.limits.max-comment-length");
    assertNamed(p -> p.getLimits().setRevokeLinkTtl(Duration.ZERO), PetitionLimitsMapper::limits,
        "petition.limits.revoke-link-ttl");
    assertNamed(p -> p.getLimits().setConfirmGraceAfterClose(Duration.ofHours(-1)), PetitionLimitsMapper::limits,
        "petition.limits.confirm-grace-after-close");
  }

  @Test
  void eachResendLimitIsNamedAndTheDefaultsAreTheCores() {
    org.petition.ResendLimits defaults = PetitionLimitsMapper.resendLimits(valid());
    assertThat(defaults.perMinute()).isEqualTo(1);
    assertThat(defaults.perDay()).isEqualTo(5);
    assertThat(defaults.maximumKeys()).isEqualTo(100_000);
    assertNamed(p -> p.getResend().setPerMinute(-1), PetitionLimitsMapper::resendLimits,
        "petition.resend.per-minute");
    assertNamed(p -> p.getResend().setPerDay(10_001), PetitionLimitsMapper::resendLimits,
        "petition.resend.per-day");
    assertNamed(p -> p.getResend().setMaximumKeys(0), PetitionLimitsMapper::resendLimits,
        "petition.resend.maximum-keys");
    assertNamed(p -> p.getResend().setPerMinute(10), PetitionLimitsMapper::resendLimits,
        "petition.resend.per-minute");
  }

  @Test
  void eachInvitationLimitIsNamedAndTheDefaultsAreTheCores() {
    org.petition.invite.InvitationLimits mapped = PetitionLimitsMapper.invitationLimits(valid());
    org.petition.invite.InvitationLimits core = org.petition.invite.InvitationLimits.ofDefaults();
    assertThat(mapped.perSignerPerDay()).isEqualTo(core.perSignerPerDay()).isEqualTo(10);
    assertThat(mapped.perIpPerHour()).isEqualTo(core.perIpPerHour());
    assertThat(mapped.perNetworkPerDay()).isEqualTo(core.perNetworkPerDay());
    assertThat(mapped.tokenTtl()).isEqualTo(core.tokenTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(mapped.suppressLinkTtl()).isEqualTo(core.suppressLinkTtl());
    assertThat(mapped.signPath()).isEqualTo(core.signPath());
    assertNamed(p -> p.getInvitations().setPerSignerPerDay(-1), PetitionLimitsMapper::invitationLimits,
        "petition.invitations.per-signer-per-day");
    assertNamed(p -> p.getInvitations().setPerIpPerHour(0), PetitionLimitsMapper::invitationLimits,
        "petition.invitations.per-ip-per-hour");
    assertNamed(p -> p.getInvitations().setPerNetworkPerDay(0), PetitionLimitsMapper::invitationLimits,
        "petition.invitations.per-network-per-day");
    assertNamed(p -> p.getInvitations().setTokenTtl(Duration.ofDays(400)), PetitionLimitsMapper::invitationLimits,
        "petition.invitations.token-ttl");
    assertNamed(p -> p.getInvitations().setSuppressLinkTtl(Duration.ZERO), PetitionLimitsMapper::invitationLimits,
        "petition.invitations.suppress-link-ttl");
    assertNamed(p -> p.getInvitations().setSignPath("p/{slug}"), PetitionLimitsMapper::invitationLimits,
        "petition.invitations.sign-path");
  }

  @Test
  void milestonesAreNamedDownToTheThreshold() {
    assertNamed(p -> p.getMilestones().setPercents(List.of(50, 0)), PetitionMilestonesMapper::milestones,
        "petition.milestones.percents");
    assertNamed(p -> {
      PetitionMilestoneProperties.Threshold good = new PetitionMilestoneProperties.Threshold();
      good.setCount(100);
      PetitionMilestoneProperties.Threshold bad = new PetitionMilestoneProperties.Threshold();
      p.getMilestones().setThresholds(List.of(good, bad));
    }, PetitionMilestonesMapper::milestones, "petition.milestones.thresholds[1]");
  }

  @Test
  void aPetitionsOwnValuesAreNamed() {
    assertNamed(p -> definition(p).setGoal(-1), PetitionDefinitionsMapper::petitions, "petition.petitions[0].goal");
    assertNamed(p -> definition(p).setSignaturesPerEmail(0), PetitionDefinitionsMapper::petitions,
        "petition.petitions[0].signatures-per-email");
    assertNamed(p -> definition(p).setLetterLimit(-1), PetitionDefinitionsMapper::petitions,
        "petition.petitions[0].letter-limit");
    assertNamed(p -> definition(p).setLetterLimit(20_001), PetitionDefinitionsMapper::petitions,
        "petition.petitions[0].letter-limit");
    assertNamed(p -> definition(p).getGoalsByCountry().put("kr", 0L), PetitionDefinitionsMapper::petitions,
        "petition.petitions[0].goals-by-country.kr");
    assertNamed(p -> {
      PetitionDefinitionProperties.Consent consent = new PetitionDefinitionProperties.Consent();
      consent.setId("Not An Id");
      consent.setText("Terms");
      definition(p).getConsents().add(consent);
    }, PetitionDefinitionsMapper::petitions, "petition.petitions[0].consents[0]");
    assertNamed(p -> definition(p).getConsents().add(new PetitionDefinitionProperties.Consent()),
        PetitionDefinitionsMapper::petitions, "petition.petitions[0].consents[0].id");
    // What only the whole definition can judge names the definition.
    assertNamed(p -> {
      definition(p).setOpensAt(Instant.parse("2027-01-01T00:00:00Z"));
      definition(p).setClosesAt(Instant.parse("2026-01-01T00:00:00Z"));
    }, PetitionDefinitionsMapper::petitions, "petition.petitions[0]");
  }

  @Test
  void theRetentionPeriodIsNamed() {
    assertNamed(p -> p.getRetention().setPeriod(Duration.ofDays(-1)),
        p -> PetitionPropertiesMapper.configure(Petitions.builder(), p), "petition.retention.period");
  }

  @Test
  void theStoreSettingsAreNamed() {
    JdbcSignatureStore.Builder builder = JdbcSignatureStore.builder(new org.h2.jdbcx.JdbcDataSource());
    assertNamed(p -> p.getStore().setConcurrentBatches(0), p -> PetitionStoreMapper.jdbcStore(builder, p),
        "petition.store.concurrent-batches");
    assertNamed(p -> p.getStore().setBatchSize(257), p -> PetitionStoreMapper.jdbcStore(builder, p),
        "petition.store.batch-size");
  }

  @Test
  void theMaintenanceIntervalFallsBackToTheDeprecatedOneThenToAnHour() {
    PetitionProperties properties = valid();
    assertThat(PetitionMaintenanceMapper.maintenanceInterval(properties)).isEqualTo(Duration.ofHours(1));
    setDeprecatedInterval(properties, Duration.ofMinutes(10));
    assertThat(PetitionMaintenanceMapper.maintenanceInterval(properties)).isEqualTo(Duration.ofMinutes(10));
    properties.getMaintenance().setInterval(Duration.ofMinutes(30));
    assertThat(PetitionMaintenanceMapper.maintenanceInterval(properties)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void theRetryPolicyComesFromItsProperties() {
    PetitionProperties properties = valid();
    properties.getMail().getRetry().setInitialBackoff(Duration.ofSeconds(3));
    properties.getMail().getRetry().setMultiplier(1.5);
    properties.getMail().getRetry().setMaxBackoff(Duration.ofMinutes(2));
    properties.getMail().getRetry().setMaxAttempts(7);
    assertThat(PetitionMailMapper.mailRetry(properties))
        .isEqualTo(new RetryPolicy(Duration.ofSeconds(3), 1.5, Duration.ofMinutes(2), 7));
  }

  @Test
  void theFromAddressDefaultsToNoReplyAtTheBaseHost() {
    PetitionProperties properties = valid();
    properties.setBaseUrl("https://petitions.example.org/");
    assertThat(PetitionMailMapper.mailFrom(properties)).isEqualTo("no-reply@petitions.example.org");
    properties.getMail().setFrom(" petitions@example.org ");
    assertThat(PetitionMailMapper.mailFrom(properties)).isEqualTo("petitions@example.org");
    assertThat(PetitionMailMapper.mailReplyTo(properties)).isNull();
  }

  @Test
  void trustedProxiesAreNamedEntryByEntry() {
    assertThatThrownBy(() -> PetitionWebMapper.trustedProxies(List.of("10.0.0.0/8", "", "10.0.0.1")))
        .isInstanceOfSatisfying(PetitionConfigurationException.class,
            e -> assertThat(e.property()).isEqualTo("petition.web.trusted-proxies[1]"));
    assertThat(PetitionWebMapper.trustedProxies(List.of(" 10.0.0.0/8 ")).isTrusted("10.1.2.3")).isTrue();
  }

  @SuppressWarnings("deprecation")
  private static void setDeprecatedInterval(PetitionProperties properties, Duration interval) {
    properties.getPurge().setInterval(interval);
  }

  private static PetitionDefinitionProperties definition(PetitionProperties properties) {
    if (properties.getPetitions().isEmpty()) {
      PetitionDefinitionProperties definition = new PetitionDefinitionProperties();
      definition.setSlug("save-the-park");
      definition.setTitle("Save the park");
      properties.getPetitions().add(definition);
    }
    return properties.getPetitions().get(0);
  }

  private static PetitionProperties valid() {
    PetitionProperties properties = new PetitionProperties();
    properties.setBaseUrl("https://petitions.example.org");
    properties.getIdentity().setSecret(TestKeys.base64(32));
    return properties;
  }

  private static void assertNamed(Consumer<PetitionProperties> change, Function<PetitionProperties, ?> mapping,
      String property) {
    PetitionProperties properties = valid();
    assertThat(mapping.apply(properties)).isNotNull();
    change.accept(properties);
    ThrowingCallable map = () -> mapping.apply(properties);
    assertThatThrownBy(map).isInstanceOfSatisfying(PetitionConfigurationException.class, e -> {
      assertThat(e.property()).isEqualTo(property);
      assertThat(e.getMessage()).startsWith(property + ": ");
      assertThat(e.action()).isNotBlank();
    });
  }
}
