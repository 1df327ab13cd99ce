package org.petition.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.petition.spring.web.LimitedInputStream.BodyTooLargeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to a limit while it streams in, whether the client declares a length or sends
 * chunks (or HTTP/2 frames) without one: a declared length over the limit is refused before a byte is read,
 * and any other body is read through a {@link LimitedInputStream} that stops one byte past the limit. Either
 * way the answer is {@code 413 {"status":"TOO_LARGE"}} (with {@code Connection: close} on HTTP/1.1), and
 * nothing after the filter runs. The container may then read and discard some more of what the client is still
 * sending, so that the client can read the answer before the connection closes: Tomcat at most
 * {@code server.tomcat.max-swallow-size} (2 MB by default), never into memory.
 *
 * <p>A body within the limit is kept (it is at most the limit) and handed on in a request that reads from
 * it. The container never reads the body itself: URL-encoded form fields are parsed here from the kept bytes,
 * in the request's character encoding (UTF-8 when it names none), and a multipart body has no parts, since
 * the container would otherwise read one with limits of its own; a controller parses the kept multipart bytes.
 * The requests that take uploads (a signing with a photo) may send a {@code multipart/form-data} body up to
 * the larger upload limit, held to it the same way (declared or streamed), {@link #UPLOADS_AT_ONCE} at a time. The starter registers it for its own paths;
 * an application may register it for its own forms too.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

  static final byte[] TOO_LARGE = "{\"status\":\"TOO_LARGE\"}".getBytes(StandardCharsets.US_ASCII);

  private final long maxBytes;
  private final long maxUploadBytes;
  private final Predicate<HttpServletRequest> takesUploads;
  // Multipart bodies are held in memory up to maxUploadBytes each: this many at once at most, so a flood of
  // (possibly chunked) uploads cannot take more than UPLOADS_AT_ONCE × maxUploadBytes of heap.
  private final Semaphore uploads = new Semaphore(UPLOADS_AT_ONCE);

  /** How many multipart bodies are read at once at most; others are answered 503 {@code RETRY}. */
  public static final int UPLOADS_AT_ONCE = 16;

  /** @param maxBytes the largest body accepted, in bytes */
  public RequestBodyLimitFilter(long maxBytes) {
    this(maxBytes, maxBytes, request -> false);
  }

  /**
   * @param maxBytes the largest body accepted, in bytes
   * @param maxUploadBytes the largest {@code multipart/form-data} body accepted by a request {@code
   *     takesUploads} (a signing with a photo), in bytes; at least {@code maxBytes}
   * @param takesUploads which requests may send a multipart body that large
   */
  public RequestBodyLimitFilter(long maxBytes, long maxUploadBytes, Predicate<HttpServletRequest> takesUploads) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (maxUploadBytes < maxBytes) {
      throw new IllegalArgumentException("maxUploadBytes must be at least maxBytes (" + maxBytes + ")");
    }
    this.maxBytes = maxBytes;
    this.maxUploadBytes = maxUploadBytes;
    this.takesUploads = java.util.Objects.requireNonNull(takesUploads, "takesUploads must not be null");
  }

  /** The largest body accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (maxUploadBytes > maxBytes && MultipartBody.isMultipart(request.getContentType()) && mayHaveBody(request)
        && takesUploads.test(request)) {
      filterUpload(request, response, chain);
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      tooLarge(request, response);
      return;
    }
    if (declared == 0 || !mayHaveBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = read(request.getInputStream(), maxBytes, declared);
    } catch (BodyTooLargeException e) {
      tooLarge(request, response);
      return;
    }
    chain.doFilter(new KeptBodyRequest(request, body), response);
  }

  // The same, with the upload limit, and only so many at once.
  private void filterUpload(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxUploadBytes) {
      tooLarge(request, response);
      return;
    }
    if (!uploads.tryAcquire()) {
      busy(response);
      return;
    }
    try {
      byte[] body;
      try {
        body = read(request.getInputStream(), maxUploadBytes, declared);
      } catch (BodyTooLargeException e) {
        tooLarge(request, response);
        return;
      }
      // The permit is held until the answer: the kept body lives that long.
      chain.doFilter(new KeptBodyRequest(request, body), response);
    } finally {
      uploads.release();
    }
  }

  private static void busy(HttpServletResponse response) throws IOException {
    byte[] retry = "{\"status\":\"RETRY\"}".getBytes(StandardCharsets.US_ASCII);
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Retry-After", "5");
    response.setContentLength(retry.length);
    response.getOutputStream().write(retry);
    response.flushBuffer();
  }

  /** Whether the request is a signing, {@code POST …/api/petitions/{slug}/signatures}: the route taking photos. */
  public static boolean isSigning(HttpServletRequest request) {
    String uri = request.getRequestURI();
    int petitions = uri == null ? -1 : uri.lastIndexOf("/api/petitions/");
    return "POST".equals(request.getMethod()) && petitions >= 0 && uri.endsWith("/signatures")
        && uri.indexOf('/', petitions + "/api/petitions/".length()) == uri.length() - "/signatures".length();
  }

  // GET and HEAD bodies are read by nothing here; the container discards them.
  private static boolean mayHaveBody(HttpServletRequest request) {
    String method = request.getMethod();
    return !"GET".equals(method) && !"HEAD".equals(method);
  }

  private static byte[] read(InputStream in, long maxBytes, long declared) throws IOException {
    LimitedInputStream limited = new LimitedInputStream(in, maxBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] buffer = new byte[8192];
    for (int read; (read = limited.read(buffer, 0, buffer.length)) >= 0; ) {
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    if (request.getProtocol().startsWith("HTTP/1.")) {
      // The rest of the body is not wanted: the connection is not kept for another request. (HTTP/2 has no
      // such header: the container ends the stream instead.)
      response.setHeader("Connection", "close");
    }
    response.setContentLength(TOO_LARGE.length);
    response.getOutputStream().write(TOO_LARGE);
    response.flushBuffer();
  }

  /** A request whose body was read within the limit and is served from the bytes kept. */
  static final class KeptBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private @Nullable Map<String, String[]> parameters;

    KeptBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new KeptInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset(StandardCharsets.ISO_8859_1)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public @Nullable String getParameter(String name) {
      String[] values = parameters().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      String[] values = parameters().get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public Collection<Part> getParts() {
      return List.of();
    }

    @Override
    public @Nullable Part getPart(String name) {
      return null;
    }

    // The query string's parameters (the container parses only those once the body has been read), then the
    // form's, as the servlet specification orders them.
    private Map<String, String[]> parameters() {
      Map<String, String[]> result = parameters;
      if (result == null) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        super.getParameterMap().forEach((name, values) -> merged.computeIfAbsent(name, k -> new ArrayList<>())
            .addAll(List.of(values)));
        if (isForm(getContentType())) {
          parseForm(new String(body, charset(StandardCharsets.UTF_8)), charset(StandardCharsets.UTF_8), merged);
        }
        Map<String, String[]> map = new LinkedHashMap<>();
        merged.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        result = Collections.unmodifiableMap(map);
        parameters = result;
      }
      return result;
    }

    private Charset charset(Charset fallback) {
      String name = getCharacterEncoding();
      if (name == null) {
        return fallback;
      }
      try {
        return Charset.forName(name);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        return fallback;
      }
    }

    private static boolean isForm(@Nullable String contentType) {
      return contentType != null
          && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    // name=value pairs joined by &; a pair with a malformed %-escape is skipped, as the container skips it.
    static void parseForm(String form, Charset charset, Map<String, List<String>> into) {
      int start = 0;
      while (start <= form.length()) {
        int end = form.indexOf('&', start);
        if (end < 0) {
          end = form.length();
        }
        if (end > start) {
          String pair = form.substring(start, end);
          int eq = pair.indexOf('=');
          try {
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            if (!name.isEmpty()) {
              into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
          } catch (IllegalArgumentException e) {
            // a malformed escape: this pair is left out
          }
        }
        start = end + 1;
      }
    }
  }

  /** The kept body as a servlet stream; all of it is there, so it is always ready. */
  private static final class KeptInputStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    KeptInputStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      try {
        if (!isFinished()) {
          listener.onDataAvailable();
        }
        listener.onAllDataRead();
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}
