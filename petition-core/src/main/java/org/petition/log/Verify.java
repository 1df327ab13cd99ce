package org.petition.log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.petition.log.internal.StrictBase64;

/**
 * The command-line verifier of a petition's count:
 *
 * <pre>java -cp petition-core.jar:bcprov-jdk18on.jar org.petition.log.Verify [--key &lt;verifier key&gt;]... &lt;base-url&gt; &lt;slug&gt; [previous checkpoint file]</pre>
 *
 * <p>Fetches the published keys (or trusts only the {@code --key}s given), the latest checkpoint and every
 * entry, and runs {@link LogVerifier}. Prints the verified count and exits 0, or prints what failed to
 * standard error and exits 1 (verification failed), 2 (wrong arguments) or 3 (the log could not be read).
 */
public final class Verify {

  /** Exit code: the count is verified. */
  public static final int VERIFIED = 0;
  /** Exit code: verification failed. */
  public static final int FAILED = 1;
  /** Exit code: the arguments are wrong. */
  public static final int USAGE = 2;
  /** Exit code: the log could not be read. */
  public static final int UNREADABLE = 3;

  private static final String USAGE_TEXT = "usage: java -cp petition-core.jar:bcprov-jdk18on.jar org.petition.log.Verify "
      + "[--key <verifier key>]... <base-url> <slug> [previous checkpoint file]";

  private Verify() {}

  /** Runs the verifier and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, LogSource::http));
  }

  /** Runs the verifier on {@code args}, reading the log through {@code sources}; answers the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Function<String, LogSource> sources) {
    List<NoteVerifier> pinned = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--key") && i + 1 < args.length) {
        try {
          pinned.add(NoteVerifier.parse(args[++i]));
        } catch (IllegalArgumentException e) {
          err.println("--key: " + e.getMessage());
          return USAGE;
        }
      } else if (args[i].startsWith("--")) {
        err.println(USAGE_TEXT);
        return USAGE;
      } else {
        positional.add(args[i]);
      }
    }
    if (positional.size() < 2 || positional.size() > 3) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String base = positional.get(0);
    String slug = positional.get(1);
    if (!LogEntry.isSlug(slug)) {
      err.println("not a petition slug: " + slug);
      return USAGE;
    }
    String previous = null;
    if (positional.size() == 3) {
      try {
        previous = Files.readString(Path.of(positional.get(2)), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("cannot read the previous checkpoint " + positional.get(2) + ": " + e.getMessage());
        return USAGE;
      }
    }
    LogSource source;
    try {
      source = sources.apply(base);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return USAGE;
    }
    LogVerifier verifier = pinned.isEmpty() ? LogVerifier.of(source) : LogVerifier.of(source).trusting(pinned);
    return report(verifier, slug, previous, out, err);
  }

  private static int report(LogVerifier verifier, String slug, @Nullable String previous, PrintStream out,
      PrintStream err) {
    LogVerifier.Verified verified;
    try {
      verified = verifier.verify(slug, previous);
    } catch (VerificationException e) {
      err.println("FAILED: " + e.getMessage());
      return FAILED;
    } catch (IOException | RuntimeException e) {
      err.println("could not read the log: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return UNREADABLE;
    }
    Checkpoint checkpoint = verified.checkpoint();
    out.println("verified: petition " + slug + " counts " + verified.count() + " signatures");
    out.println("log " + checkpoint.origin() + ": " + checkpoint.size() + " entries (" + verified.counted()
        + " COUNTED, " + verified.uncounted() + " UNCOUNTED), root " + StrictBase64.encode(checkpoint.rootHash()));
    out.println("checkpoint signed by " + verified.signedBy().label());
    Checkpoint before = verified.previous();
    if (before != null) {
      out.println("consistent with the previous checkpoint (" + before.size() + " entries)");
    }
    return VERIFIED;
  }
}
