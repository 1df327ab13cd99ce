package org.petition.spring;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of petition under the {@code petition} prefix, bound by Spring Boot and enabled by {@link
 * PetitionAutoConfiguration}. It only holds values: {@link PetitionPropertiesMapper} and the mappers of each group
 * (such as {@link PetitionKeysMapper} and {@link PetitionMailMapper}) check them and turn them into the core's
 * builders and the starter's components, naming the property in every error.
 *
 * <p>This class holds the two top-level values and one field per group; each group is a class of its own, named
 * after it ({@code petition.mail} is {@link PetitionMailProperties}, {@code petition.petitions[*]} are {@link
 * PetitionDefinitionProperties}), marked {@link NestedConfigurationProperty} so that the configuration processor
 * describes its properties.
 *
 * <p>Secrets (token keys, the identity secret, data keys) come from configuration only, as base64; they
 * are never logged and never echoed in error messages.
 */
@ConfigurationProperties("petition")
public class PetitionProperties {

  /** The site's absolute base URL, such as https://petitions.example.org; confirmation links are built on it. */
  private @Nullable String baseUrl;

  /** Whether a signing refused for fraud is answered as if it had been accepted (errors give bots hints). */
  private boolean silentFraud = true;

  @NestedConfigurationProperty
  private final PetitionTokenProperties tokens = new PetitionTokenProperties();

  @NestedConfigurationProperty
  private final PetitionIdentityProperties identity = new PetitionIdentityProperties();

  @NestedConfigurationProperty
  private final PetitionPrivacyProperties privacy = new PetitionPrivacyProperties();

  @NestedConfigurationProperty
  private final PetitionLimitProperties limits = new PetitionLimitProperties();

  @NestedConfigurationProperty
  private final PetitionResendProperties resend = new PetitionResendProperties();

  @NestedConfigurationProperty
  private final PetitionMilestoneProperties milestones = new PetitionMilestoneProperties();

  /** Petitions created or updated at start-up. */
  private List<PetitionDefinitionProperties> petitions = new ArrayList<>();

  @NestedConfigurationProperty
  private final PetitionStoreProperties store = new PetitionStoreProperties();

  @NestedConfigurationProperty
  private final PetitionMaintenanceProperties maintenance = new PetitionMaintenanceProperties();

  @NestedConfigurationProperty
  private final PetitionPurgeProperties purge = new PetitionPurgeProperties();

  @NestedConfigurationProperty
  private final PetitionRetentionProperties retention = new PetitionRetentionProperties();

  @NestedConfigurationProperty
  private final PetitionMailProperties mail = new PetitionMailProperties();

  @NestedConfigurationProperty
  private final PetitionWebProperties web = new PetitionWebProperties();

  @NestedConfigurationProperty
  private final FormTokenProperties formToken = new FormTokenProperties();

  @NestedConfigurationProperty
  private final PetitionEventProperties events = new PetitionEventProperties();

  @NestedConfigurationProperty
  private final InvitationProperties invitations = new InvitationProperties();

  @NestedConfigurationProperty
  private final PetitionLogProperties log = new PetitionLogProperties();

  @NestedConfigurationProperty
  private final PetitionDevProperties dev = new PetitionDevProperties();

  /** The built-in checks (rate limits, surges, bot signals, disposable domains, content). */
  @NestedConfigurationProperty
  private final PetitionCheckProperties checks = new PetitionCheckProperties();

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public boolean isSilentFraud() {
    return silentFraud;
  }

  public void setSilentFraud(boolean silentFraud) {
    this.silentFraud = silentFraud;
  }

  public PetitionTokenProperties getTokens() {
    return tokens;
  }

  public PetitionIdentityProperties getIdentity() {
    return identity;
  }

  public PetitionPrivacyProperties getPrivacy() {
    return privacy;
  }

  public PetitionLimitProperties getLimits() {
    return limits;
  }

  public PetitionResendProperties getResend() {
    return resend;
  }

  public PetitionMilestoneProperties getMilestones() {
    return milestones;
  }

  public List<PetitionDefinitionProperties> getPetitions() {
    return petitions;
  }

  public void setPetitions(List<PetitionDefinitionProperties> petitions) {
    this.petitions = petitions;
  }

  public PetitionStoreProperties getStore() {
    return store;
  }

  public PetitionMaintenanceProperties getMaintenance() {
    return maintenance;
  }

  public PetitionPurgeProperties getPurge() {
    return purge;
  }

  public PetitionRetentionProperties getRetention() {
    return retention;
  }

  public PetitionMailProperties getMail() {
    return mail;
  }

  public FormTokenProperties getFormToken() {
    return formToken;
  }

  public InvitationProperties getInvitations() {
    return invitations;
  }

  public PetitionWebProperties getWeb() {
    return web;
  }

  public PetitionLogProperties getLog() {
    return log;
  }

  public PetitionEventProperties getEvents() {
    return events;
  }

  public PetitionCheckProperties getChecks() {
    return checks;
  }

  public PetitionDevProperties getDev() {
    return dev;
  }
}
