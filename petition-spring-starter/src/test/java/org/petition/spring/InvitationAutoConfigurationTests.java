package org.petition.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petition.spring.PetitionContextRunners.assertFailure;
import static org.petition.spring.PetitionContextRunners.runner;
import static org.petition.spring.PetitionContextRunners.webRunner;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.petition.Petitions;
import org.petition.invite.InvitationLimits;
import org.petition.spring.web.InvitationLinkController;
import org.petition.spring.web.PetitionInvitationController;

/** {@code petition.invitations.*} reaches the core's {@link InvitationLimits}; the controllers are wired. */
class InvitationAutoConfigurationTests {

  @Test
  void thePropertiesReachTheCore() {
    runner().withPropertyValues("petition.invitations.per-signer-per-day=3",
        "petition.invitations.per-ip-per-hour=7", "petition.invitations.per-network-per-day=40",
        "petition.invitations.token-ttl=14d", "petition.invitations.suppress-link-ttl=365d",
        "petition.invitations.sign-path=/petitions/{slug}/sign").run(context -> {
          InvitationLimits limits = context.getBean(Petitions.class).invitations().limits();
          assertThat(limits.perSignerPerDay()).isEqualTo(3);
          assertThat(limits.perIpPerHour()).isEqualTo(7);
          assertThat(limits.perNetworkPerDay()).isEqualTo(40);
          assertThat(limits.tokenTtl()).isEqualTo(Duration.ofDays(14));
          assertThat(limits.suppressLinkTtl()).isEqualTo(Duration.ofDays(365));
          assertThat(limits.signPath()).isEqualTo("/petitions/{slug}/sign");
        });
  }

  @Test
  void aBadValueStopsTheStartNamingTheProperty() {
    runner().withPropertyValues("petition.invitations.per-signer-per-day=5000")
        .run(context -> assertFailure(context, "petition.invitations.per-signer-per-day", "between 0 and 1000"));
  }

  @Test
  void theWebApplicationGetsTheInvitationControllers() {
    webRunner().run(context -> {
      assertThat(context).hasSingleBean(PetitionInvitationController.class);
      assertThat(context).hasSingleBean(InvitationLinkController.class);
    });
  }
}
