package org.petition.store.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server for tests, found or started once per JVM:
 *
 * <ol>
 *   <li>if {@code PETITION_PG_URL} is set (with {@code PETITION_PG_USER} and {@code PETITION_PG_PASSWORD}),
 *       that server;
 *   <li>else, if {@code initdb} and {@code pg_ctl} are on the PATH or under {@code /usr/lib/postgresql/{N}/bin},
 *       a throw-away cluster in a temporary folder, on 127.0.0.1 and a free port, with {@code fsync=off},
 *       run as the {@code postgres} user when the tests run as root (PostgreSQL refuses root), stopped and
 *       deleted at JVM exit;
 *   <li>else none: {@link #require()} skips the test with a message saying so, or fails it when {@code
 *       PETITION_PG_REQUIRED} is set (as CI does, so a missing PostgreSQL cannot pass silently).
 * </ol>
 *
 * <p>{@link #createDatabase()} gives each test class a fresh database ({@code test_<random>}), or a fresh
 * schema when the configured user may not create databases.
 */
final class PostgresServer {

  private static final Object LOCK = new Object();
  private static volatile Optional<PostgresServer> server;
  private static volatile String unavailable = "";

  private final String baseUrl; // jdbc:postgresql://host:port/
  private final String adminDatabase;
  private final String query; // URL parameters of the configured URL, without '?', possibly empty
  private final String user;
  private final String password;
  private final String description;

  private PostgresServer(String url, String user, String password, String description) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
      throw new IllegalArgumentException("PETITION_PG_URL must look like jdbc:postgresql://host:port/database");
    }
    this.baseUrl = url.substring(0, slash + 1);
    String rest = url.substring(slash + 1);
    int question = rest.indexOf('?');
    this.adminDatabase = question < 0 ? rest : rest.substring(0, question);
    this.query = question < 0 ? "" : rest.substring(question + 1);
    this.user = user;
    this.password = password;
    this.description = description;
  }

  /** The server, or a skipped (or, with PETITION_PG_REQUIRED, failed) test when there is none. */
  static PostgresServer require() {
    Optional<PostgresServer> found = find();
    if (found.isEmpty()) {
      String message = "PostgreSQL not available: set PETITION_PG_URL or install postgresql (" + unavailable + ")";
      if (System.getenv("PETITION_PG_REQUIRED") != null) {
        throw new IllegalStateException(message + "; PETITION_PG_REQUIRED is set, so this is an error");
      }
      Assumptions.assumeTrue(false, message);
    }
    return found.get();
  }

  static Optional<PostgresServer> find() {
    if (server == null) {
      synchronized (LOCK) {
        if (server == null) {
          server = locate();
        }
      }
    }
    return server;
  }

  String url(String database) {
    return baseUrl + database + (query.isEmpty() ? "" : "?" + query);
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  Connection admin() throws SQLException {
    return DriverManager.getConnection(url(adminDatabase), user, password);
  }

  @Override
  public String toString() {
    return description;
  }

  /** A fresh, empty database (or schema) for one test class. */
  TestDatabase createDatabase() throws SQLException {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = admin(); Statement statement = connection.createStatement()) {
      try {
        statement.execute("CREATE DATABASE " + name);
        // The tests' own connections see the store's schema first, as the store's do, and then public.
        String url = url(name);
        return new TestDatabase(this, name, url + (url.contains("?") ? "&" : "?") + "currentSchema=petition,public",
            false);
      } catch (SQLException e) {
        if (!"42501".equals(e.getSQLState())) {
          throw e;
        }
      }
      // The configured user may not create databases: a schema in its database isolates as well.
      statement.execute("CREATE SCHEMA " + name);
      String separator = query.isEmpty() ? "?" : "&";
      return new TestDatabase(this, name, url(adminDatabase) + separator + "currentSchema=" + name, true);
    }
  }

  private static Optional<PostgresServer> locate() {
    String url = System.getenv("PETITION_PG_URL");
    if (url != null && !url.isBlank()) {
      String user = envOr("PETITION_PG_USER", "postgres");
      String password = envOr("PETITION_PG_PASSWORD", "");
      PostgresServer configured = new PostgresServer(url, user, password, "PostgreSQL at PETITION_PG_URL");
      try (Connection connection = configured.admin()) {
        log("using the PostgreSQL server of PETITION_PG_URL, version "
            + connection.getMetaData().getDatabaseProductVersion());
        return Optional.of(configured);
      } catch (SQLException e) {
        throw new IllegalStateException("PETITION_PG_URL is set but the server cannot be reached: " + e.getMessage(), e);
      }
    }
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      unavailable = "no PETITION_PG_URL, and no initdb/pg_ctl on the PATH or under /usr/lib/postgresql/*/bin";
      return Optional.empty();
    }
    try {
      return Optional.of(LocalCluster.start(bin.get()));
    } catch (IOException | RuntimeException e) {
      unavailable = "found " + bin.get() + " but could not start a cluster: " + e.getMessage();
      log(unavailable);
      return Optional.empty();
    }
  }

  /** A folder holding both {@code initdb} and {@code pg_ctl}. */
  static Optional<Path> binaries() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(":")) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir));
        }
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        // Newest major version first.
        versions.filter(p -> p.getFileName().toString().matches("\\d+"))
            .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
            .forEach(p -> candidates.add(p.resolve("bin")));
      } catch (IOException e) {
        // no Debian layout
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  static void log(String message) {
    System.err.println("[PostgresServer] " + message);
  }

  /** A database (or schema) of one test class; dropped by {@link #close()}. */
  record TestDatabase(PostgresServer server, String name, String url, boolean schema) implements AutoCloseable {

    /** A pool of at most {@code size} connections to this database. */
    TinyPool pool(int size) {
      return new TinyPool(url, server.user(), server.password(), size);
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, server.user(), server.password());
    }

    @Override
    public void close() throws SQLException {
      try (Connection connection = server.admin(); Statement statement = connection.createStatement()) {
        statement.execute(schema ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** A throw-away cluster started with initdb and pg_ctl. */
  private static final class LocalCluster {

    static PostgresServer start(Path bin) throws IOException {
      String runAs = isRoot() ? osUser() : null;
      Path folder = Files.createTempDirectory("petition-pg-");
      Path data = folder.resolve("data");
      if (runAs != null) {
        run(List.of("chown", runAs, folder.toString()), 30);
      }
      run(as(runAs, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
          "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")), 120);
      IOException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        // Later lines win in postgresql.conf; no Unix socket, so no dependency on /var/run/postgresql.
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
            "listen_addresses = '127.0.0.1'",
            "port = " + port,
            "unix_socket_directories = ''",
            "fsync = off",
            "full_page_writes = off",
            "max_connections = 120",
            "shared_buffers = 64MB",
            "log_min_messages = warning",
            ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try {
          run(as(runAs, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
              folder.resolve("server.log").toString(), "-w", "-t", "60", "start")), 90);
        } catch (IOException e) {
          last = e;
          continue;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, runAs, data, folder), "stop-postgres"));
        String description = "PostgreSQL started with " + bin + " in " + folder + " on 127.0.0.1:" + port
            + (runAs == null ? "" : " as " + runAs);
        log(description);
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", description);
      }
      throw last;
    }

    private static void stop(Path bin, String runAs, Path data, Path folder) {
      try {
        run(as(runAs, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
            "stop")), 60);
      } catch (IOException | RuntimeException e) {
        log("could not stop the test cluster: " + e.getMessage());
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log("could not delete " + folder + ": " + e.getMessage());
      }
    }

    private static boolean isRoot() throws IOException {
      return "0".equals(output(List.of("id", "-u")).strip());
    }

    /** The OS user to run PostgreSQL as when the tests run as root: {@code postgres}, created if missing. */
    private static String osUser() throws IOException {
      try {
        run(List.of("id", "postgres"), 10);
      } catch (IOException missing) {
        run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--shell", "/bin/sh", "postgres"), 30);
      }
      return "postgres";
    }

    private static List<String> as(String user, List<String> command) {
      if (user == null) {
        return command;
      }
      List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
      wrapped.addAll(command);
      return wrapped;
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }

    private static String output(List<String> command) throws IOException {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return out;
    }

    private static void run(List<String> command, int seconds) throws IOException {
      Path log = Files.createTempFile("petition-pg-cmd-", ".log");
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
            .start();
        boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
          process.destroyForcibly();
          throw new IOException(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        if (process.exitValue() != 0) {
          String out = Files.readString(log, StandardCharsets.UTF_8);
          throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
              + out.strip().lines().reduce((a, b) -> b).orElse(""));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }
}
