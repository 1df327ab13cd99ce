package org.petition.store.jdbc;

import org.petition.spring.web.InvitationsOverHttpTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link InvitationsOverHttpTest} on a real PostgreSQL (a fresh database for this class): the invitation tables of
 * V11, the shared invitation limits in {@code JdbcLimitStore} and the outbox table, over a real Tomcat and SMTP.
 */
@SpringBootTest(classes = InvitationsOverHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
    "petition.web.trusted-proxies=127.0.0.1/32,::1/128",
    "petition.invitations.per-network-per-day=14"
})
class PostgresInvitationsOverHttpTest extends InvitationsOverHttpTest {

  private static PostgresServer.TestDatabase database;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws Exception {
    PostgresServer.require();
    database = PostgresServer.find().orElseThrow().createDatabase();
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", () -> database.server().user());
    registry.add("spring.datasource.password", () -> database.server().password());
  }
}
