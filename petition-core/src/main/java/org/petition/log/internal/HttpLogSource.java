package org.petition.log.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.petition.log.LogSource;

/**
 * A log's HTTP API read with {@link HttpClient}: every answer must be 200, valid UTF-8 and within a size
 * bound; the JSON answers must have their documented shape. Anything else is an {@link IOException}
 * naming the request.
 */
public final class HttpLogSource implements LogSource {

  private static final int MAX_TEXT = 1 << 16;
  private static final int MAX_JSON = 8 << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final HttpClient client;

  /** The API under {@code baseUrl}. */
  public HttpLogSource(String baseUrl) {
    URI uri = URI.create(baseUrl);
    if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("the base URL must be an http(s) URL with a host: " + baseUrl);
    }
    this.base = baseUrl.replaceAll("/+$", "");
    this.client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  @Override
  public String keys() throws IOException {
    return get("/api/log/keys", MAX_TEXT);
  }

  @Override
  public String checkpoint(String slug) throws IOException {
    return get("/api/petitions/" + slug + "/checkpoint", MAX_TEXT);
  }

  @Override
  public List<byte[]> entries(String slug, long start, long end) throws IOException {
    String path = "/api/petitions/" + slug + "/log/entries?start=" + start + "&end=" + end;
    Map<String, @Nullable Object> answer = json(path);
    return base64List(path, answer, "entries");
  }

  @Override
  public List<byte[]> consistency(String slug, long from, long to) throws IOException {
    String path = "/api/petitions/" + slug + "/log/consistency?from=" + from + "&to=" + to;
    Map<String, @Nullable Object> answer = json(path);
    if (!Long.valueOf(from).equals(answer.get("from")) || !Long.valueOf(to).equals(answer.get("to"))) {
      throw new IOException("GET " + path + ": the answer is not for from=" + from + " and to=" + to);
    }
    return base64List(path, answer, "path");
  }

  private Map<String, @Nullable Object> json(String path) throws IOException {
    String body = get(path, MAX_JSON);
    try {
      return JsonReader.readObject(body, "the answer");
    } catch (IllegalArgumentException e) {
      throw new IOException("GET " + path + ": " + e.getMessage(), e);
    }
  }

  private static List<byte[]> base64List(String path, Map<String, @Nullable Object> answer, String member)
      throws IOException {
    if (!(answer.get(member) instanceof List<?> items)) {
      throw new IOException("GET " + path + ": the answer has no \"" + member + "\" array");
    }
    List<byte[]> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String text)) {
        throw new IOException("GET " + path + ": " + member + "[" + i + "] is not a string");
      }
      try {
        out.add(StrictBase64.decode(text, member + "[" + i + "]"));
      } catch (IllegalArgumentException e) {
        throw new IOException("GET " + path + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private String get(String path, int limit) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("GET " + path + ": interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("GET " + path + " answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new IOException("GET " + path + ": the answer is longer than " + limit + " bytes");
      }
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw new IOException("GET " + path + ": the answer is not valid UTF-8", e);
      }
    }
  }

  @Override
  public String toString() {
    return "HttpLogSource[" + base + "]";
  }
}
