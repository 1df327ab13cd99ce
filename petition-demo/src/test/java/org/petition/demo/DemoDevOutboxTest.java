package org.petition.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's {@code /dev/outbox} (addresses and live links) is served only while the app listens on loopback alone,
 * or when {@code petition.demo.dev-outbox=true}.
 */
class DemoDevOutboxTest {

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
