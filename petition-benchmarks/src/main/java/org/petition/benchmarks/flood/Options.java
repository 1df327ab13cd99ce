package org.petition.benchmarks.flood;

/** {@link FloodLoad}'s command line: {@code --name value} pairs, each with a default. */
final class Options {

  String base = "http://127.0.0.1:8080";
  String slug = "us-troops-out-of-korea";
  /** Which run (0, 1 or 2): each has its own legitimate addresses and emails. */
  int run = 1;
  int legit = 1000;
  long flood = 100_000;
  int minSeconds = 60;
  /** Legitimate signers arrive evenly over this many seconds. */
  int spreadSeconds = 45;
  int floodConnections = 8;
  int legitConnections = 8;
  /** The app's per-network limits ({@code RateLimitCheck}'s defaults: 20 a minute, 100 an hour). */
  long perMinute = 20;
  long perHour = 100;
  /** A generous ceiling on the legitimate signers' p99, to catch a flood that starves them. */
  double maxP99Millis = 5_000;

  static Options parse(String[] args) {
    Options options = new Options();
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--base" -> options.base = value;
        case "--slug" -> options.slug = value;
        case "--run" -> options.run = Integer.parseInt(value);
        case "--legit" -> options.legit = Integer.parseInt(value);
        case "--flood" -> options.flood = Long.parseLong(value);
        case "--min-seconds" -> options.minSeconds = Integer.parseInt(value);
        case "--spread-seconds" -> options.spreadSeconds = Integer.parseInt(value);
        case "--flood-connections" -> options.floodConnections = Integer.parseInt(value);
        case "--legit-connections" -> options.legitConnections = Integer.parseInt(value);
        case "--per-minute" -> options.perMinute = Long.parseLong(value);
        case "--per-hour" -> options.perHour = Long.parseLong(value);
        case "--max-p99-ms" -> options.maxP99Millis = Double.parseDouble(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (options.run < 0 || options.run > 2 || options.legit < 1 || options.legit > 1024 || options.flood < 0
        || options.minSeconds < 1 || options.spreadSeconds < 0 || options.legitConnections < 1) {
      throw new IllegalArgumentException("run 0..2, legit 1..1024, flood >= 0, min-seconds >= 1");
    }
    return options;
  }
}
