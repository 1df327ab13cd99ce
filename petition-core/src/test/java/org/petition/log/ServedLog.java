package org.petition.log;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.petition.internal.JsonWriter;

/**
 * A petition's log as the starter will serve it, in memory, behind the JDK's HTTP server on 127.0.0.1,
 * with hooks to tamper with what it answers.
 */
final class ServedLog implements AutoCloseable {

  final String slug;
  final LogKeys keys;
  final SignerCommitments commitments = SignerCommitments.of(new byte[32]);
  final List<byte[]> entries = new ArrayList<>();
  final InMemoryNodes nodes = new InMemoryNodes();
  private final HttpServer server;
  long lastId;
  /** The log's origin; a test serving one log from two servers gives both the same. */
  volatile String origin;
  private Instant clock = Instant.parse("2026-03-01T12:00:00Z");

  // Tampering: what the server answers instead of the truth.
  volatile UnaryOperator<List<byte[]>> servedEntries = UnaryOperator.identity();
  volatile UnaryOperator<List<byte[]>> servedProof = UnaryOperator.identity();
  volatile UnaryOperator<String> servedCheckpoint = UnaryOperator.identity();
  volatile int pageLimit = LogVerifier.PAGE;
  final List<String> requests = new ArrayList<>();

  ServedLog(String slug) throws IOException {
    this(slug, LogKeys.of(List.of(LogKey.generate("log.example.org", new SecureRandom()))));
  }

  ServedLog(String slug, LogKeys keys) throws IOException {
    this.slug = slug;
    this.keys = keys;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    origin = Checkpoint.origin(baseUrl(), slug);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ServedLog count(long signatureId, long number) {
    return append(LogEntry.Type.COUNTED, signatureId, number);
  }

  ServedLog uncount(long signatureId, long number) {
    return append(LogEntry.Type.UNCOUNTED, signatureId, number);
  }

  /** Counts n more signatures, each with the number of its id, uncounting one in ten (id - 5 after id 10, 20...). */
  ServedLog populate(int n) {
    for (int i = 0; i < n; i++) {
      long id = ++lastId;
      count(id, id);
      if (id % 10 == 0) {
        uncount(id - 5, id - 5);
      }
    }
    return this;
  }

  synchronized ServedLog append(LogEntry.Type type, long signatureId, long number) {
    clock = clock.plusMillis(1234);
    return appendRaw(new LogEntry(slug, entries.size(), type, number, clock, commitments.commit(slug, signatureId))
        .bytes());
  }

  synchronized ServedLog appendRaw(byte[] entry) {
    entries.add(entry);
    nodes.append(MerkleTree.leafHash(entry));
    return this;
  }

  /** The latest checkpoint, signed by the signing key. */
  synchronized String checkpoint() {
    return Checkpoint.of(origin, nodes.frontier()).sign(keys);
  }

  /** The count the entries add up to. */
  synchronized long count() {
    long count = 0;
    for (byte[] entry : entries) {
      count += LogEntry.parse(entry).delta();
    }
    return count;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      synchronized (this) {
        requests.add(uri.toString());
      }
      Map<String, String> query = query(uri.getRawQuery());
      String prefix = "/api/petitions/" + slug;
      if (path.equals("/api/log/keys")) {
        send(exchange, 200, "text/plain", keys.verifierKeys());
      } else if (path.equals(prefix + "/checkpoint")) {
        send(exchange, 200, "text/plain", servedCheckpoint.apply(checkpoint()));
      } else if (path.equals(prefix + "/log/entries")) {
        List<byte[]> served;
        synchronized (this) {
          served = servedEntries.apply(new ArrayList<>(entries));
        }
        int start = Integer.parseInt(query.get("start"));
        int end = Math.min(Math.min(Integer.parseInt(query.get("end")), served.size()), start + pageLimit);
        JsonWriter json = new JsonWriter().beginObject().name("entries").beginArray();
        for (byte[] entry : served.subList(start, end)) {
          json.value(Base64.getEncoder().encodeToString(entry));
        }
        send(exchange, 200, "application/json", json.endArray().endObject().toString());
      } else if (path.equals(prefix + "/log/consistency")) {
        long from = Long.parseLong(query.get("from"));
        long to = Long.parseLong(query.get("to"));
        List<byte[]> proof = servedProof.apply(new ArrayList<>(MerkleTree.consistencyProof(from, to, nodes)));
        JsonWriter json = new JsonWriter().beginObject().member("from", from).member("to", to).name("path").beginArray();
        for (byte[] hash : proof) {
          json.value(Base64.getEncoder().encodeToString(hash));
        }
        send(exchange, 200, "application/json", json.endArray().endObject().toString());
      } else {
        send(exchange, 404, "text/plain", "no such petition\n");
      }
    } finally {
      exchange.close();
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
