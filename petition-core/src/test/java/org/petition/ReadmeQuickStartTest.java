package org.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, taken from README.md itself: compiled as the file it shows, then run in its own
 * JVM with keys in its environment, as a reader would. The README can never show code that fails.
 */
class ReadmeQuickStartTest {

  private static final String INTRO = "A quick start, a complete file";

  @Test
  void theReadmesQuickStartCompilesAndRuns(@TempDir Path work) throws Exception {
    String source = quickStart(Files.readString(readme(), StandardCharsets.UTF_8));
    Path file = work.resolve("QuickStart.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    String classPath = System.getProperty("java.class.path");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-encoding", "UTF-8", "-proc:none", "-classpath", classPath,
        "-d", work.toString(), file.toString());
    assertThat(compiled).as("javac exit status of the README's quick start").isZero();

    List<String> command = new ArrayList<>(List.of(java(), "-cp", work + java.io.File.pathSeparator + classPath,
        "-Dfile.encoding=UTF-8", "QuickStart"));
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
    process.environment().put("PETITION_TOKEN_SECRET", secret());
    process.environment().put("PETITION_IDENTITY_SECRET", secret());
    process.environment().put("PETITION_DATA_SECRET", secret());
    Process run = process.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output.lines().filter(line -> !line.startsWith("SLF4J")).toList()).containsExactly(
        "counted as #1",
        "second signing: ALREADY_SIGNED, link: false",
        "count: 1 / 1000, KR 1 / 1000");
  }

  /** The first java block after the quick start's introduction. */
  static String quickStart(String readme) {
    int intro = readme.indexOf(INTRO);
    assertThat(intro).as("the README introduces its quick start with: " + INTRO).isNotNegative();
    int start = readme.indexOf("```java\n", intro) + "```java\n".length();
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  private static Path readme() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("README.md");
      if (Files.exists(candidate) && Files.readString(candidate).contains(INTRO)) {
        return candidate;
      }
    }
    throw new IOException("README.md with the quick start not found above " + Path.of("").toAbsolutePath());
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
