package org.petition.log;

import java.io.IOException;
import java.util.List;

/**
 * Where a verifier reads a log: the operator's HTTP API ({@link #http(String)}), or anything else that
 * answers the same questions. Nothing it answers is trusted; {@link LogVerifier} checks all of it.
 */
public interface LogSource {

  /** {@code GET /api/log/keys}: the verifier keys, one a line. */
  String keys() throws IOException;

  /** {@code GET /api/petitions/{slug}/checkpoint}: the latest signed checkpoint. */
  String checkpoint(String slug) throws IOException;

  /**
   * {@code GET /api/petitions/{slug}/log/entries?start=&end=}: the bytes of entries {@code start} (inclusive)
   * to {@code end} (exclusive), in order; a source may answer fewer than asked, from {@code start} on.
   */
  List<byte[]> entries(String slug, long start, long end) throws IOException;

  /** {@code GET /api/petitions/{slug}/log/consistency?from=&to=}: the RFC 9162 consistency proof. */
  List<byte[]> consistency(String slug, long from, long to) throws IOException;

  /** The HTTP API under {@code baseUrl} (e.g. {@code https://example.org}), read with java.net.http. */
  static LogSource http(String baseUrl) {
    return new org.petition.log.internal.HttpLogSource(baseUrl);
  }
}
