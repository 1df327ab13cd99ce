package org.petition.benchmarks.flood;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flood held over HTTP: drives a running petition app (the demo jar, see {@code flood.sh}) with signings from
 * one /24 while legitimate signers from other networks sign and confirm, and checks what must hold:
 *
 * <ul>
 *   <li>every legitimate signer is answered 202 {@code PENDING}, confirms through the link mailed to it (200
 *       {@code CONFIRMED}), and the petition's counter grows by exactly the number of legitimate signers;
 *   <li>the flood is answered only 202 or 429, never 5xx, and the signings taken from it (those mailed a
 *       confirmation link) stay within the per-network limits: at most {@code perMinute} in any minute and
 *       {@code perHour} in an hour;
 *   <li>the flood lasts at least {@code --min-seconds} and spans every legitimate signing.
 * </ul>
 *
 * <p>It prints the legitimate signers' latency percentiles, for a run without the flood ({@code --flood 0}) and one
 * with it. Connections are bounded: one per worker thread (HTTP/1.1, synchronous sends). Every request goes to
 * {@code --base} (loopback); the client addresses are only {@code X-Forwarded-For} values, which the app believes
 * from loopback ({@code petition.web.trusted-proxies}). Exits 1 when a check fails.
 *
 * <pre>
 * java -cp benchmarks.jar org.petition.benchmarks.flood.FloodLoad --base http://127.0.0.1:8080 \
 *     --slug us-troops-out-of-korea --run 1 --legit 1000 --flood 100000 --min-seconds 60
 * </pre>
 */
public final class FloodLoad {

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
  private static final Pattern CONFIRMED = Pattern.compile("\"confirmed\"\\s*:\\s*(\\d+)");
  /** How long a person takes to fill in the form: the bot check wants 3 s, and loading the form may be slow. */
  private static final long FILL_MILLIS = 6_000;
  private static final Pattern FORM_TOKEN = Pattern.compile("\"formToken\"\\s*:\\s*\"([^\"]+)\"");

  private final Options options;
  private final HttpClient http;
  private final Map<String, Long> floodStatuses = new ConcurrentHashMap<>();
  private final Map<String, String> legitimateFailures = new ConcurrentHashMap<>();
  private final Set<String> pendingConfirmation = ConcurrentHashMap.newKeySet();
  private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
  private final LongAdder floodSent = new LongAdder();
  private final LongAdder legitimateAccepted = new LongAdder();
  private final Latencies signLatency = new Latencies();
  private final Latencies confirmLatency = new Latencies();
  private final Latencies floodLatency = new Latencies();

  private FloodLoad(Options options) {
    this.options = options;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    boolean passed = new FloodLoad(options).run();
    System.exit(passed ? 0 : 1);
  }

  private boolean run() throws Exception {
    String details = get("/api/petitions/" + options.slug).body();
    long countBefore = confirmedCount(details);
    long floodMailsBefore = DevOutbox.mailsTo(get("/dev/outbox").body(), "@example.net");

    ExecutorService flooders = Executors.newFixedThreadPool(Math.max(1, options.floodConnections));
    ScheduledExecutorService signers = Executors.newScheduledThreadPool(options.legitConnections);
    long start = System.nanoTime();
    AtomicLong nextFlood = new AtomicLong();
    String floodToken = formToken();  // an attacker fetches one form token and replays it
    if (options.flood > 0) {
      for (int t = 0; t < options.floodConnections; t++) {
        flooders.execute(() -> flood(nextFlood, start, floodToken));
      }
    }
    // Legitimate signers arrive evenly over the spread, after the flood is under way: each loads the form (its
    // form token), fills it in for FILL_MILLIS (the server measures the fill time from the token), then signs.
    long legitStart = start + TimeUnit.MILLISECONDS.toNanos((options.flood > 0 ? 1_000 : 0) + FILL_MILLIS);
    long spread = TimeUnit.SECONDS.toNanos(options.spreadSeconds);
    CountDownLatch signed = new CountDownLatch(options.legit);
    for (int i = 0; i < options.legit; i++) {
      int index = i;
      long at = legitStart + spread * i / Math.max(1, options.legit);
      signers.schedule(() -> {
        String token = formTokenOrNull();
        signers.schedule(() -> {
          signLegitimately(index, token);
          signed.countDown();
        }, at - System.nanoTime(), TimeUnit.NANOSECONDS);
      }, at - TimeUnit.MILLISECONDS.toNanos(FILL_MILLIS) - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    signed.await(10, TimeUnit.MINUTES);
    signers.shutdown();
    double signingSeconds = (System.nanoTime() - start) / 1e9;

    ExecutorService confirmers = Executors.newFixedThreadPool(options.legitConnections);
    long confirmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!pendingConfirmation.isEmpty() && System.nanoTime() < confirmDeadline) {
      Map<String, String> tokens = DevOutbox.confirmationTokens(get("/dev/outbox").body());
      var batch = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (String email : Set.copyOf(pendingConfirmation)) {
        String token = tokens.get(email);
        if (token != null) {
          batch.add(confirmers.submit(() -> confirm(email, token)));
        }
      }
      for (var done : batch) {
        done.get();
      }
      if (!pendingConfirmation.isEmpty()) {
        Thread.sleep(1_000);
      }
    }
    confirmers.shutdown();
    boolean floodStillRunning = floodSent.sum() < options.flood;
    double confirmedSeconds = (System.nanoTime() - start) / 1e9;
    flooders.shutdown();
    flooders.awaitTermination(30, TimeUnit.MINUTES);
    double floodSeconds = (System.nanoTime() - start) / 1e9;

    long countAfter = confirmedCount(get("/api/petitions/" + options.slug).body());
    long floodAccepted = DevOutbox.mailsTo(get("/dev/outbox").body(), "@example.net") - floodMailsBefore;
    long allowed = Math.min(options.perHour, options.perMinute * (long) Math.ceil(floodSeconds / 60.0));
    return report(countAfter - countBefore, floodAccepted, allowed, signingSeconds, confirmedSeconds,
        floodSeconds, floodStillRunning);
  }

  private void flood(AtomicLong next, long start, String formToken) {
    double nanosPerRequest = options.minSeconds * 1e9 / options.flood;
    while (true) {
      long index = next.getAndIncrement();
      if (index >= options.flood) {
        return;
      }
      // Paced so the last request goes at --min-seconds; as fast as the app answers when it is slower.
      sleepNanos(start + (long) ((index + 1) * nanosPerRequest) - System.nanoTime());
      String body = Signers.floodBody(index, System.currentTimeMillis() - 8_000, formToken);
      long sent = System.nanoTime();
      String outcome;
      try {
        HttpResponse<String> response = post("/api/petitions/" + options.slug + "/signatures", body,
            Signers.floodAddress((int) index));
        outcome = Integer.toString(response.statusCode());
      } catch (IOException e) {
        outcome = "io:" + e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      floodLatency.record(System.nanoTime() - sent);
      floodSent.increment();
      floodStatuses.merge(outcome, 1L, Long::sum);
    }
  }

  private void signLegitimately(int index, String token) {
    String email = Signers.legitimateEmail(options.run, index);
    try {
      String body = Signers.legitimateBody(options.run, index, System.currentTimeMillis() - 8_000, token);
      long sent = System.nanoTime();
      HttpResponse<String> response = post("/api/petitions/" + options.slug + "/signatures", body,
          Signers.legitimateAddress(options.run, index));
      signLatency.record(System.nanoTime() - sent);
      if (response.statusCode() == 202 && "PENDING".equals(status(response.body()))) {
        legitimateAccepted.increment();
        pendingConfirmation.add(email);
      } else {
        legitimateFailures.put(email, "sign " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      legitimateFailures.put(email, "sign " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void confirm(String email, String token) {
    try {
      long sent = System.nanoTime();
      HttpResponse<String> response = post("/api/confirmations", "{\"token\":\"" + token + "\"}", "198.51.100.1");
      confirmLatency.record(System.nanoTime() - sent);
      pendingConfirmation.remove(email);
      if (response.statusCode() == 200 && "CONFIRMED".equals(status(response.body()))) {
        confirmed.add(email);
      } else {
        legitimateFailures.put(email, "confirm " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      legitimateFailures.put(email, "confirm " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean report(long counted, long floodAccepted, long allowed, double signingSeconds,
      double confirmedSeconds, double floodSeconds, boolean floodStillRunning) {
    long floodServerErrors = floodStatuses.entrySet().stream()
        .filter(e -> !e.getKey().equals("202") && !e.getKey().equals("429")).mapToLong(Map.Entry::getValue).sum();
    Map<String, Boolean> checks = new LinkedHashMap<>();
    checks.put("every legitimate signer answered 202 PENDING", legitimateAccepted.sum() == options.legit);
    checks.put("every legitimate signer confirmed (200 CONFIRMED)", confirmed.size() == options.legit);
    checks.put("the counter grew by exactly the legitimate signers", counted == options.legit);
    checks.put("the flood was answered only 202 or 429", floodServerErrors == 0);
    checks.put("the flood's signings taken within the limits (" + allowed + ")", floodAccepted <= allowed);
    checks.put("the flood sent every request", floodSent.sum() == options.flood);
    checks.put("the flood lasted at least " + options.minSeconds + " s",
        options.flood == 0 || floodSeconds >= options.minSeconds);
    checks.put("the flood spanned every legitimate signing", options.flood == 0 || signingSeconds <= floodSeconds);
    checks.put("legitimate p99 within " + options.maxP99Millis + " ms",
        signLatency.percentileMillis(99) <= options.maxP99Millis);

    System.out.printf(Locale.ROOT, "flood load, run %d: %d legitimate signers, %d flood requests from %s0/24%n",
        options.run, options.legit, options.flood, Signers.FLOOD_NETWORK);
    System.out.printf(Locale.ROOT, "  legitimate signings done at %.1f s, confirmations at %.1f s (flood still "
        + "running: %s), flood done at %.1f s (%.0f requests/s)%n", signingSeconds, confirmedSeconds,
        floodStillRunning, floodSeconds, floodSent.sum() / Math.max(0.001, floodSeconds));
    System.out.println("  legitimate sign latency:    " + signLatency.summary());
    System.out.println("  legitimate confirm latency: " + confirmLatency.summary());
    System.out.println("  flood latency:              " + floodLatency.summary());
    System.out.println("  flood answers: " + new java.util.TreeMap<>(floodStatuses) + "; signings taken (mailed): "
        + floodAccepted + " of at most " + allowed + " (" + options.perMinute + "/min, " + options.perHour
        + "/h per network)");
    System.out.println("  counter grew by " + counted + "; legitimate accepted " + legitimateAccepted.sum()
        + ", confirmed " + confirmed.size());
    legitimateFailures.entrySet().stream().limit(5)
        .forEach(e -> System.out.println("  legitimate failure: " + e.getValue()));
    checks.forEach((check, ok) -> System.out.println("  " + (ok ? "PASS " : "FAIL ") + check));
    System.out.printf(Locale.ROOT, "RESULT run=%d legit=%d flood=%d signP50=%.1f signP99=%.1f signMax=%.1f "
        + "confirmP99=%.1f floodP99=%.1f floodAccepted=%d allowed=%d floodSeconds=%.1f counted=%d passed=%s%n",
        options.run, options.legit, options.flood, signLatency.percentileMillis(50),
        signLatency.percentileMillis(99), signLatency.percentileMillis(100), confirmLatency.percentileMillis(99),
        floodLatency.percentileMillis(99), floodAccepted, allowed, floodSeconds, counted,
        !checks.containsValue(false));
    return !checks.containsValue(false);
  }

  private String formTokenOrNull() {
    try {
      return formToken();
    } catch (IOException e) {
      return null; // signs without one, and is then held: the run fails, saying so
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private String formToken() throws IOException, InterruptedException {
    Matcher token = FORM_TOKEN.matcher(get("/api/petitions/" + options.slug).body());
    return token.find() ? token.group(1) : null;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(options.base + path)).timeout(Duration.ofSeconds(60))
        .GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String client)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(options.base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").header("X-Forwarded-For", client)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String status(String body) {
    Matcher status = STATUS.matcher(body);
    return status.find() ? status.group(1) : "";
  }

  private static long confirmedCount(String petitionJson) {
    Matcher count = CONFIRMED.matcher(petitionJson);
    if (!count.find()) {
      throw new IllegalStateException("no \"confirmed\" count in " + petitionJson);
    }
    return Long.parseLong(count.group(1));
  }

  private static void sleepNanos(long nanos) {
    if (nanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
