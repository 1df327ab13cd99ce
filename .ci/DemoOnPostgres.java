import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo as the README documents it for real use: the built jar on PostgreSQL. Signs and confirms over the
 * REST API, kills the app with SIGKILL, starts it again on the same database, and checks that the count held
 * and that its transparency log, read over HTTP, recounts to it.
 *
 * <pre>java .ci/DemoOnPostgres.java petition-demo/target/petition-demo-VERSION.jar</pre>
 *
 * or, the README's other form, after {@code mvn install -DskipTests}:
 *
 * <pre>java .ci/DemoOnPostgres.java --spring-boot-run</pre>
 *
 * which starts the demo with {@code mvn -pl petition-demo spring-boot:run} and kills the application's JVM (the
 * plugin's fork) with SIGKILL.
 *
 * Reads PETITION_PG_URL, PETITION_PG_USER and PETITION_PG_PASSWORD (as .ci/postgres.sh exports them).
 */
public class DemoOnPostgres {

  private static final String SLUG = "us-troops-out-of-korea";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    String url = System.getenv("PETITION_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("PETITION_PG_URL is not set: source .ci/postgres.sh first");
    }
    Path data = Files.createTempDirectory("petition-demo-pg");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;

    Process first = start(jar, url, data, port, "first");
    long before = count(base);
    String email = "restart-" + System.nanoTime() + "@example.org";
    // As a browser or an API client does: the petition's form token first, then the form filled in (a signing
    // sent faster than a person fills the form is held for a moderator).
    Matcher formToken = Pattern.compile("\"formToken\"\\s*:\\s*\"([^\"]+)\"")
        .matcher(get(base + "/api/petitions/" + SLUG).body());
    check(formToken.find(), "no formToken in GET /api/petitions/" + SLUG);
    Thread.sleep(4_000);
    HttpResponse<String> signed = post(base + "/api/petitions/" + SLUG + "/signatures",
        "{\"firstName\":\"Ada\",\"lastName\":\"Kim\",\"email\":\"" + email + "\",\"country\":\"KR\","
            + "\"consents\":[\"terms\",\"privacy\",\"processing\"],\"formToken\":\"" + formToken.group(1) + "\"}");
    check(signed.statusCode() == 202, "signing answered " + signed.statusCode() + " " + signed.body());
    String outbox = get(base + "/dev/outbox").body();
    Matcher token = Pattern.compile("/confirm\\?token=([A-Za-z0-9_-]+)").matcher(outbox);
    check(token.find(), "no confirmation link in the dev outbox");
    HttpResponse<String> confirmed = post(base + "/api/confirmations", "{\"token\":\"" + token.group(1) + "\"}");
    check(confirmed.statusCode() == 200, "confirming answered " + confirmed.statusCode() + " " + confirmed.body());
    long after = count(base);
    check(after == before + 1, "the count went from " + before + " to " + after + ", not up by one");

    kill(first);
    Process second = start(jar, url, data, port, "second");
    try {
      long restarted = count(base);
      check(restarted == after, "after SIGKILL and restart the count is " + restarted + ", was " + after);
      long logged = loggedCount(base, restarted);
      System.out.println("demo on PostgreSQL: signed and confirmed (count " + before + " -> " + after
          + "), killed with SIGKILL, restarted: count " + restarted + ", its transparency log recounts " + logged);
    } finally {
      second.descendants().forEach(ProcessHandle::destroy);
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGKILL, no shutdown hook, no graceful close: the application's JVM first (spring-boot:run's fork). */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private static Process start(String jar, String url, Path data, int port, String name) throws Exception {
    File log = data.resolve(name + ".log").toFile();
    // The other form runs after the jar's on the same database, with keys generated afresh in its own data
    // directory: a store of its own, since the store refuses keys other than those its rows were made with.
    List<String> arguments = new java.util.ArrayList<>(List.of(
        "--server.address=127.0.0.1", "--server.port=" + port,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + env("PETITION_PG_USER", "postgres"),
        "--spring.datasource.password=" + env("PETITION_PG_PASSWORD", ""),
        "--petition.demo.data-dir=" + data));
    if (jar.equals("--spring-boot-run")) {
      arguments.add("--petition.store.schema=petition_spring_boot_run");
    }
    List<String> command = new java.util.ArrayList<>();
    if (jar.equals("--spring-boot-run")) {
      command.addAll(List.of("mvn", "-B", "-q", "-pl", "petition-demo", "spring-boot:run",
          "-Dspring-boot.run.arguments=" + String.join(" ", arguments)));
    } else {
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
      command.addAll(arguments);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the " + name + " start exited:\n" + Files.readString(log.toPath()));
      }
      try {
        if (get("http://127.0.0.1:" + port + "/api/petitions/" + SLUG).statusCode() == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    kill(process);
    throw new IllegalStateException("the " + name + " start did not answer in 180 s:\n" + Files.readString(log.toPath()));
  }

  /**
   * COUNTED minus UNCOUNTED over the entries of the latest signed checkpoint, once a checkpoint covers the
   * count (they are signed every 10 s): the log and the count must not be apart after the SIGKILL.
   */
  private static long loggedCount(String base, long count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long recount = -1;
    while (System.nanoTime() < deadline) {
      String[] checkpoint = get(base + "/api/petitions/" + SLUG + "/checkpoint").body().split("\n");
      long size = Long.parseLong(checkpoint[1]);
      recount = 0;
      for (long start = 0; start < size; start += 1000) {
        String page = get(base + "/api/petitions/" + SLUG + "/log/entries?start=" + start + "&end="
            + Math.min(size, start + 1000)).body();
        Matcher entry = Pattern.compile("\"([A-Za-z0-9+/=]+)\"").matcher(page.substring(page.indexOf('[')));
        while (entry.find()) {
          String json = new String(java.util.Base64.getDecoder().decode(entry.group(1)), StandardCharsets.UTF_8);
          recount += json.contains("\"type\":\"COUNTED\"") ? 1 : -1;
        }
      }
      if (recount == count) {
        return recount;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the transparency log recounts " + recount + ", the count is " + count);
  }

  private static long count(String base) throws Exception {
    String body = get(base + "/api/petitions/" + SLUG).body();
    Matcher confirmed = Pattern.compile("\"goal\":\\d+,\"confirmed\":(\\d+)").matcher(body);
    check(confirmed.find(), "no count in " + body);
    return Long.parseLong(confirmed.group(1));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("User-Agent", "DemoOnPostgres/1")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new AssertionError(failure);
    }
  }
}
