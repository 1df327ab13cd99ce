package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.ALL;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.frank;
import static org.petition.spring.PetitionContextRunners.ownPetitions;
import static org.petition.spring.PetitionContextRunners.rootMessage;
import static org.petition.spring.PetitionContextRunners.runner;
import static org.petition.spring.PetitionContextRunners.runnerWithout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petition.privacy.ConsentPurpose;
import org.petition.Petition;
import org.petition.Petitions;
import org.petition.SignResult;
import org.petition.SignatureRequest;
import org.petition.check.Finding;
import org.petition.check.Severity;
import org.petition.check.SignatureCheck;
import org.petition.mail.ConfirmationSender;
import org.petition.mail.InMemoryOutbox;
import org.petition.privacy.DataKeys;
import org.petition.privacy.DisplayNamePolicy;
import org.petition.spring.health.PetitionHealthIndicator;
import org.petition.spring.mail.MailOutbox;
import org.petition.spring.web.PetitionApiController;
import org.petition.store.SignatureStore;
import org.petition.store.memory.InMemorySignatureStore;
import org.petition.token.TokenKey;
import org.petition.token.Tokens;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@link PetitionAutoConfiguration}: the properties, the keys, the Clock, the fallback store and outbox, and
 * the Petitions bean; every failure names its property.
 */
class PetitionAutoConfigurationTests {

  @Test
  void theDefaultsGiveAWorkingPetitionsWithInMemoryStoreAndDevOutbox() {
    runner().withPropertyValues(TestKeys.seedPetition(0)).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(Petitions.class);
      assertThat(context).getBean(SignatureStore.class).isInstanceOf(InMemorySignatureStore.class);
      assertThat(context).getBean(ConfirmationSender.class).isInstanceOf(InMemoryOutbox.class);
      assertThat(context).doesNotHaveBean(MailOutbox.class);
      assertThat(context).doesNotHaveBean(PetitionApiController.class);
      assertThat(context).hasSingleBean(PurgePendingTask.class);
      assertThat(context).hasSingleBean(PetitionEventPublisher.class);
      assertThat(context).hasSingleBean(PetitionHealthIndicator.class);

      Petitions petitions = context.getBean(Petitions.class);
      InMemoryOutbox outbox = context.getBean(InMemoryOutbox.class);
      SignResult result = petitions.sign(frank().build());
      assertThat(result).isEqualTo(SignResult.Pending.instance());
      assertThat(outbox.latestTo("frank@example.com").orElseThrow().actionUrl())
          .startsWith("https://petitions.example.org/confirm?token=");
    });
  }

  @Test
  void everyPropertyIsBoundAndReachesCore() {
    runner().withPropertyValues(
        "petition.base-url=https://sign.example.org/",
        "petition.silent-fraud=false",
        "petition.tokens.keys[1].id=k2",
        "petition.tokens.keys[1].secret=" + TestKeys.base64(48),
        "petition.privacy.keys[1].id=d2",
        "petition.privacy.keys[1].secret=" + TestKeys.base64(32),
        "petition.limits.max-name-length=40",
        "petition.limits.max-organization-name-length=41",
        "petition.limits.max-nickname-length=42",
        "petition.limits.max-city-length=43",
        "petition.limits.max-affiliation-length=44",
        "petition.limits.max-comment-length=45",
        "petition.limits.pending-ttl=3d",
        "petition.limits.revoke-link-ttl=90d",
        "petition.limits.confirm-grace-after-close=2h",
        "petition.milestones.percents=10,50",
        "petition.milestones.thresholds[0].count=100000",
        "petition.milestones.thresholds[0].within=30d",
        "petition.petitions[0].slug=save-the-park",
        "petition.petitions[0].title=Save the park",
        "petition.petitions[0].text=Keep the park green.",
        "petition.petitions[0].target=City Council",
        "petition.petitions[0].author=Friends of the Park",
        "petition.petitions[0].category=Environment",
        "petition.petitions[0].tags=park,green",
        "petition.petitions[0].goal=500",
        "petition.petitions[0].goals-by-country.kr=300",
        "petition.petitions[0].opens-at=2026-01-01T00:00:00Z",
        "petition.petitions[0].closes-at=2027-01-01T00:00:00Z",
        "petition.petitions[0].display-name-policy=INITIALS",
        "petition.petitions[0].noindex=true",
        "petition.petitions[0].signatures-per-email=2",
        "petition.petitions[0].erased-signatures-count=true",
        "petition.petitions[0].consents[0].id=terms",
        "petition.petitions[0].consents[0].version=2026-01",
        "petition.petitions[0].consents[0].purpose=TERMS",
        "petition.petitions[0].consents[0].text=Terms of use",
        "petition.petitions[0].consents[0].url=https://sign.example.org/terms",
        "petition.petitions[0].consents[1].id=news",
        "petition.petitions[0].consents[1].purpose=NEWSLETTER",
        "petition.petitions[0].consents[1].text=Send me news",
        "petition.petitions[0].consents[2].id=contact",
        "petition.petitions[0].consents[2].purpose=CONTACT_BY_AUTHOR",
        "petition.petitions[0].consents[2].text=The author may contact me",
        "petition.petitions[0].consents[2].required=true",
        "petition.store.migrate=false",
        "petition.store.counter-shards=32",
        "petition.purge.enabled=true",
        "petition.purge.interval=15m",
        "petition.purge.batch-size=250",
        "petition.mail.enabled=true",
        "petition.mail.from=petitions@example.org",
        "petition.mail.reply-to=help@example.org",
        "petition.mail.poll-interval=2s",
        "petition.mail.batch-size=7",
        "petition.mail.lease=1m",
        "petition.mail.max-delay=10m",
        "petition.mail.keep-failed=3d",
        "petition.mail.retry.initial-backoff=1s",
        "petition.mail.retry.multiplier=3",
        "petition.mail.retry.max-backoff=5m",
        "petition.mail.retry.max-attempts=4",
        "petition.web.enabled=false",
        "petition.web.trusted-proxies=10.0.0.0/8,2001:db8::/32",
        "petition.web.max-body-bytes=1000",
        "petition.events.publish=false").run(context -> {
          assertThat(context).hasNotFailed();
          PetitionProperties properties = context.getBean(PetitionProperties.class);
          assertThat(properties.isSilentFraud()).isFalse();
          assertThat(properties.getStore().isMigrate()).isFalse();
          assertThat(properties.getStore().getCounterShards()).isEqualTo(32);
          assertThat(properties.getPurge().getInterval()).isEqualTo(Duration.ofMinutes(15));
          assertThat(properties.getPurge().getBatchSize()).isEqualTo(250);
          PetitionMailProperties mail = properties.getMail();
          assertThat(mail.getFrom()).isEqualTo("petitions@example.org");
          assertThat(mail.getReplyTo()).isEqualTo("help@example.org");
          assertThat(mail.getPollInterval()).isEqualTo(Duration.ofSeconds(2));
          assertThat(mail.getBatchSize()).isEqualTo(7);
          assertThat(mail.getLease()).isEqualTo(Duration.ofMinutes(1));
          assertThat(mail.getMaxDelay()).isEqualTo(Duration.ofMinutes(10));
          assertThat(mail.getKeepFailed()).isEqualTo(Duration.ofDays(3));
          assertThat(mail.getRetry().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
          assertThat(mail.getRetry().getMultiplier()).isEqualTo(3.0);
          assertThat(mail.getRetry().getMaxBackoff()).isEqualTo(Duration.ofMinutes(5));
          assertThat(mail.getRetry().getMaxAttempts()).isEqualTo(4);
          assertThat(properties.getWeb().getTrustedProxies()).containsExactly("10.0.0.0/8", "2001:db8::/32");
          assertThat(properties.getWeb().getMaxBodyBytes()).isEqualTo(1000);
          assertThat(properties.getPetitions().get(0).getConsents().get(0).getUrl())
              .isEqualTo("https://sign.example.org/terms");
          assertThat(context).doesNotHaveBean(PetitionEventPublisher.class);
          assertThat(context.getBean(PetitionMaintenance.class).interval()).isEqualTo(Duration.ofMinutes(15));

          assertThat(context.getBean(Tokens.class).currentKeyId()).isEqualTo("k2");
          assertThat(context.getBean(DataKeys.class).current().id()).isEqualTo("d2");

          Petitions petitions = context.getBean(Petitions.class);
          assertThat(petitions.limits().maxNameLength()).isEqualTo(40);
          assertThat(petitions.limits().maxOrganizationNameLength()).isEqualTo(41);
          assertThat(petitions.limits().maxNicknameLength()).isEqualTo(42);
          assertThat(petitions.limits().maxCityLength()).isEqualTo(43);
          assertThat(petitions.limits().maxAffiliationLength()).isEqualTo(44);
          assertThat(petitions.limits().maxCommentLength()).isEqualTo(45);
          assertThat(petitions.limits().pendingTtl()).isEqualTo(Duration.ofDays(3));
          assertThat(petitions.limits().revokeLinkTtl()).isEqualTo(Duration.ofDays(90));
          assertThat(petitions.limits().confirmGraceAfterClose()).isEqualTo(Duration.ofHours(2));

          Petition petition = petitions.petition("save-the-park").orElseThrow();
          assertThat(petition.title()).isEqualTo("Save the park");
          assertThat(petition.text()).isEqualTo("Keep the park green.");
          assertThat(petition.target()).isEqualTo("City Council");
          assertThat(petition.author()).isEqualTo("Friends of the Park");
          assertThat(petition.category()).isEqualTo("Environment");
          assertThat(petition.tags()).containsExactly("park", "green");
          assertThat(petition.goal()).isEqualTo(500);
          assertThat(petition.goalsByCountry()).isEqualTo(Map.of("KR", 300L));
          assertThat(petition.opensAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
          assertThat(petition.closesAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
          assertThat(petition.displayNamePolicy()).isEqualTo(DisplayNamePolicy.INITIALS);
          assertThat(petition.noindex()).isTrue();
          assertThat(petition.signaturesPerEmail()).isEqualTo(2);
          assertThat(petition.erasedSignaturesCount()).isTrue();
          assertThat(petition.consents()).hasSize(3);
          assertThat(petition.consents().get(0).version()).isEqualTo("2026-01");
          assertThat(petition.consents().get(0).sha256())
              .isEqualTo(org.petition.privacy.ConsentDocument.sha256Hex("Terms of use"));
          assertThat(petition.consents().get(0).required()).isTrue();
          assertThat(petition.consents().get(1).purpose()).isEqualTo(ConsentPurpose.NEWSLETTER);
          assertThat(petition.consents().get(1).required()).isFalse();
          assertThat(petition.consents().get(2).required()).isTrue();

          // The base URL reaches the links, without its trailing slash.
          InMemoryOutbox outbox = context.getBean(InMemoryOutbox.class);
          petitions.register(Petition.builder("open-now").title("Open now").build());
          petitions.sign(SignatureRequest.builder("open-now").person("Ann", "Lee").email("ann@example.org").build());
          assertThat(outbox.latestTo("ann@example.org").orElseThrow().actionUrl())
              .startsWith("https://sign.example.org/confirm?token=");
        });
  }

  @Test
  void thePropertiesAreOneConfigurationPropertiesBean() {
    runner().run(context -> {
      assertThat(context).hasSingleBean(PetitionProperties.class);
      assertThat(context.getBeanNamesForType(PetitionProperties.class))
          .containsExactly("petition-" + PetitionProperties.class.getName());
      assertThat(context.getBean(PetitionProperties.class).getBaseUrl()).isEqualTo("https://petitions.example.org");
    });
  }

  @Test
  void anApplicationsOwnPropertiesBeanIsUsedAndBoundLikeAnyConfigurationProperties() {
    // ConfigurationPropertiesAutoConfiguration is in every Boot application; with it the application's own
    // bean is bound from petition.* as well: what configuration sets wins over what the code set.
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
        .withConfiguration(ALL)
        .withPropertyValues("petition.base-url=https://bound.example.org")
        .withBean(PetitionProperties.class, () -> {
          PetitionProperties own = new PetitionProperties();
          own.setBaseUrl("https://own.example.org");
          own.getTokens().getKeys().add(key("t", TestKeys.base64(32)));
          own.getIdentity().setSecret(TestKeys.base64(32));
          own.getPrivacy().getKeys().add(key("p", TestKeys.base64(32)));
          own.getLog().getKeys().add(logKey());
          return own;
        })
        .run(context -> {
          assertThat(context).hasSingleBean(PetitionProperties.class);
          assertThat(context.getBean(Tokens.class).currentKeyId()).isEqualTo("t");
          assertThat(context.getBean(PetitionProperties.class).getBaseUrl()).isEqualTo("https://bound.example.org");
        });
  }

  private static PetitionLogProperties.Key logKey() {
    PetitionLogProperties.Key key = new PetitionLogProperties.Key();
    key.setName("own.example.org/log");
    key.setSeed(TestKeys.base64(32));
    return key;
  }

  @Test
  void theStarterTellsTimeByOneClockBean() {
    runner().run(context -> {
      assertThat(context).hasSingleBean(Clock.class);
      assertThat(context.getBean(Petitions.class).clock()).isSameAs(context.getBean(Clock.class));
    });
  }

  @Test
  void anApplicationsOwnClockIsTheOneUsed() {
    Clock fixed = Clock.fixed(Instant.parse("2030-05-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    runner().withBean("myClock", Clock.class, () -> fixed).run(context -> {
      assertThat(context).hasSingleBean(Clock.class);
      assertThat(context.getBean(Clock.class)).isSameAs(fixed);
      assertThat(context.getBean(Petitions.class).clock()).isSameAs(fixed);
    });
  }

  @Test
  void milestonesCanBeSwitchedOff() {
    runner().withPropertyValues("petition.milestones.enabled=false")
        .run(context -> assertThat(PetitionMilestonesMapper.milestones(context.getBean(PetitionProperties.class))
            .percents()).isEmpty());
  }

  @Test
  void startupFailsNamingAMissingBaseUrl() {
    runnerWithout("petition.base-url")
        .run(context -> assertFailure(context, "petition.base-url", "is not set"));
  }

  @Test
  void startupFailsNamingMissingTokenKeys() {
    runnerWithout("petition.tokens")
        .run(context -> assertFailure(context, "petition.tokens.keys", "no token key is set"));
  }

  @Test
  void startupFailsNamingATooShortTokenSecretWithoutShowingIt() {
    String secret = TestKeys.base64(16);
    runner().withPropertyValues("petition.tokens.keys[0].secret=" + secret)
        .run(context -> {
          assertFailure(context, "petition.tokens.keys[0]", "at least 32");
          assertThat(rootMessage(context)).doesNotContain(secret);
        });
  }

  @Test
  void startupFailsNamingAMissingIdentitySecret() {
    runnerWithout("petition.identity")
        .run(context -> assertFailure(context, "petition.identity.secret", "is not set"));
  }

  @Test
  void startupFailsNamingAShortIdentitySecret() {
    runner().withPropertyValues("petition.identity.secret=" + TestKeys.base64(20))
        .run(context -> assertFailure(context, "petition.identity.secret", "at least 32 bytes"));
  }

  @Test
  void startupFailsNamingMissingPrivacyKeys() {
    runnerWithout("petition.privacy")
        .run(context -> assertFailure(context, "petition.privacy.keys", "no personal data key is set"));
  }

  @Test
  void startupFailsNamingAPrivacyKeyOfTheWrongLength() {
    runner().withPropertyValues("petition.privacy.keys[0].secret=" + TestKeys.base64(31))
        .run(context -> assertFailure(context, "petition.privacy.keys[0]", "exactly 32 bytes"));
  }

  @Test
  void startupFailsNamingAPrivacySecretThatIsNotBase64() {
    runner().withPropertyValues("petition.privacy.keys[0].secret=not base64 at all!")
        .run(context -> {
          assertFailure(context, "petition.privacy.keys[0].secret", "not valid base64");
          assertThat(rootMessage(context)).doesNotContain("not base64 at all");
        });
  }

  @Test
  void startupFailsNamingABadPetitionDefinition() {
    runner().withPropertyValues("petition.petitions[0].slug=Not A Slug", "petition.petitions[0].title=T")
        .run(context -> assertFailure(context, "petition.petitions[0]", "slug must be"));
  }

  @Test
  void startupFailsNamingTheOneLimitThatIsWrong() {
    runner().withPropertyValues("petition.limits.max-city-length=0")
        .run(context -> assertFailure(context, "petition.limits.max-city-length", "between 1 and 1,000,000"));
    runner().withPropertyValues("petition.limits.pending-ttl=0s")
        .run(context -> assertFailure(context, "petition.limits.pending-ttl", "must be positive"));
  }

  @Test
  void startupFailsNamingABaseUrlThatIsNotAbsolute() {
    runner().withPropertyValues("petition.base-url=petitions.example.org")
        .run(context -> assertFailure(context, "petition.base-url", "absolute"));
  }

  @Test
  void theFailureAnalyzerReportsThePropertyAndWhatToDo() {
    PetitionConfigurationException failure = new PetitionConfigurationException("petition.identity.secret",
        "is not set", "Set it.", null);
    var analysis = new PetitionConfigurationFailureAnalyzer().analyze(new IllegalStateException(failure));
    assertThat(analysis.getDescription()).isEqualTo("petition.identity.secret: is not set");
    assertThat(analysis.getAction()).isEqualTo("Set it.");
  }

  @Test
  void backsOffFromEveryBeanTheApplicationDefines() {
    runner().withUserConfiguration(UserBeans.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(SignatureStore.class)).isSameAs(UserBeans.STORE);
      assertThat(context.getBean(ConfirmationSender.class)).isSameAs(UserBeans.SENDER);
      assertThat(context.getBean(Tokens.class)).isSameAs(UserBeans.TOKENS);
      assertThat(context).doesNotHaveBean(InMemoryOutbox.class);
      assertThat(context.getBean(Petitions.class).store()).isSameAs(UserBeans.STORE);
    });
    runner().withBean("myPetitions", Petitions.class, () -> ownPetitions("https://other.example.org"))
        .run(context -> assertThat(context).getBean(Petitions.class).isSameAs(context.getBean("myPetitions")));
    runner().withBean(PetitionProperties.class, () -> {
      PetitionProperties own = new PetitionProperties();
      own.setBaseUrl("https://own.example.org");
      own.getTokens().getKeys().add(key("t", TestKeys.base64(32)));
      own.getIdentity().setSecret(TestKeys.base64(32));
      own.getPrivacy().getKeys().add(key("p", TestKeys.base64(32)));
      own.getLog().getKeys().add(logKey());
      return own;
    }).run(context -> assertThat(context.getBean(Tokens.class).currentKeyId()).isEqualTo("t"));
  }

  @Test
  void backsOffFromTheApplicationsDataKeys() {
    DataKeys keys = DataKeys.of(new org.petition.privacy.DataKey("own", new byte[32]));
    runner().withBean(DataKeys.class, () -> keys).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(DataKeys.class)).isSameAs(keys);
    });
  }

  @Test
  void customizersAndCheckBeansReachTheBuilderInOrder() {
    runner().withPropertyValues(TestKeys.seedPetition(0)).withUserConfiguration(Customizations.class).run(context -> {
      Petitions petitions = context.getBean(Petitions.class);
      assertThat(Customizations.ORDER).containsExactly("first", "second");
      SignResult result = petitions.sign(SignatureRequest.builder("us-troops-out-of-korea")
          .person("Frank", "Castellano").email("frank@example.com").country("US").comment("blocked word")
          .consent("terms", "privacy", "processing").build());
      assertThat(result).isInstanceOf(SignResult.Rejected.class);
      assertThat(((SignResult.Rejected) result).has("content.blocked")).isTrue();
    });
  }

  private static PetitionKeyProperties key(String id, String secret) {
    PetitionKeyProperties key = new PetitionKeyProperties();
    key.setId(id);
    key.setSecret(secret);
    return key;
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {
    static final SignatureStore STORE = new InMemorySignatureStore();
    static final ConfirmationSender SENDER = message -> { };
    static final Tokens TOKENS = Tokens.of(TokenKey.of("mine", new java.security.SecureRandom().generateSeed(32)));

    @Bean
    SignatureStore myStore() {
      return STORE;
    }

    @Bean
    ConfirmationSender mySender() {
      return SENDER;
    }

    @Bean
    Tokens myTokens() {
      return TOKENS;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizations {
    static final List<String> ORDER = new ArrayList<>();

    @Bean
    @Order(2)
    PetitionsBuilderCustomizer second() {
      return builder -> ORDER.add("second");
    }

    @Bean
    @Order(1)
    PetitionsBuilderCustomizer first() {
      return builder -> {
        ORDER.clear();
        ORDER.add("first");
      };
    }

    @Bean
    SignatureCheck blockedWords() {
      return input -> input.comment() != null && input.comment().contains("blocked")
          ? List.of(Finding.of("content.blocked", Severity.CRITICAL, "comment", "blocked word"))
          : List.of();
    }
  }
}
