package org.petition.demo;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo's own settings.
 *
 * @param dataDir where the H2 database and the generated keys live
 * @param home the slug of the petition shown at /; the first one when unset
 * @param devOutbox whether /dev/outbox (addresses and live links) is served even though the application listens on
 *     more than loopback (server.address); it always is on loopback alone
 */
@ConfigurationProperties("petition.demo")
public record DemoProperties(@Nullable Path dataDir, @Nullable String home, boolean devOutbox) {}
