package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.petition.mail.InMemoryOutbox;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's {@code /dev/outbox} (addresses and live links) is served only while the app listens on loopback alone,
 * or when {@code petition.demo.dev-outbox=true}, and the log says which.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDevOutboxTest {

  @Test
  void theLogSaysWhetherTheOutboxIsServedAndWhy(CapturedOutput output) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("outbox", InMemoryOutbox.ofDefaults());
    DemoProperties asked = new DemoProperties(null, null, true);
    DemoProperties notAsked = new DemoProperties(null, null, false);

    new DevOutboxController(beans.getBeanProvider(InMemoryOutbox.class), notAsked,
        new MockEnvironment().withProperty("server.address", "127.0.0.1"));
    assertThat(output.getAll()).contains("shown at /dev/outbox (the app listens on loopback 127.0.0.1 only)");
    new DevOutboxController(beans.getBeanProvider(InMemoryOutbox.class), notAsked,
        new MockEnvironment().withProperty("server.address", "0.0.0.0"));
    assertThat(output.getAll()).contains("/dev/outbox is off, as the app listens on 0.0.0.0; set"
        + " server.address=127.0.0.1 or petition.demo.dev-outbox=true to see it");
    new DevOutboxController(beans.getBeanProvider(InMemoryOutbox.class), asked,
        new MockEnvironment().withProperty("server.address", "0.0.0.0"));
    assertThat(output.getAll()).contains("/dev/outbox is served to anyone who can reach the app");
    new DevOutboxController(new StaticListableBeanFactory().getBeanProvider(InMemoryOutbox.class), asked,
        new MockEnvironment());
    assertThat(output.getAll()).contains("mail goes to the configured mail server; /dev/outbox is off");
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("petition-demo-outbox");
    registry.add("petition.demo.data-dir", dir::toString);
  }

  @Test
  void loopbackIsJudgedFromTheAddressLiteralNeverLookedUp() {
    assertThat(DevOutboxController.isLoopback("127.0.0.1")).isTrue();
    assertThat(DevOutboxController.isLoopback("::1")).isTrue();
    assertThat(DevOutboxController.isLoopback("localhost")).isTrue();
    assertThat(DevOutboxController.isLoopback("0.0.0.0")).isFalse();
    assertThat(DevOutboxController.isLoopback("192.0.2.2")).isFalse();
    assertThat(DevOutboxController.isLoopback("example.org")).isFalse();
    assertThat(DevOutboxController.isLoopback(null)).isFalse();
  }

  @Nested
  @SpringBootTest(properties = "server.address=0.0.0.0")
  @AutoConfigureMockMvc
  class OnEveryInterface {
    @Autowired MockMvc mvc;

    @Test
    void theOutboxIsNotServed() throws Exception {
      mvc.perform(get("/dev/outbox")).andExpect(status().isNotFound());
    }
  }

  @Nested
  @SpringBootTest(properties = {"server.address=0.0.0.0", "petition.demo.dev-outbox=true"})
  @AutoConfigureMockMvc
  class OnEveryInterfaceAskedFor {
    @Autowired MockMvc mvc;

    @Test
    void theOutboxIsServed() throws Exception {
      mvc.perform(get("/dev/outbox")).andExpect(status().isOk());
    }
  }
}
