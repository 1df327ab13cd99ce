package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petition.mail.InMemoryOutbox;
import org.petition.testing.Fixtures;
import org.petition.testing.MutableClock;

/**
 * The built-in model as a deployment meets it: the library is loaded afresh in its own class loader whose
 * {@code spam-model.bin} is missing, corrupt or truncated, and {@code Petitions.builder().build()} (what the
 * Spring starter calls at start-up) and {@code ContentCheck.ofDefaults()} must fail with a message naming the
 * file and the fault: the check is never silently off.
 */
class SpamModelStartupTest {

  private static final String MODEL = "org/petition/check/" + SpamModel.RESOURCE;

  @TempDir Path dir;

  @Test
  void missingModelFailsStartUpNamingTheFile() throws Exception {
    Throwable failure = startUp(null);
    assertThat(failure).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spam-model.bin").hasMessageContaining("missing");
  }

  @Test
  void corruptModelFailsStartUpNamingTheFault() throws Exception {
    byte[] good = goodModel();
    byte[] corrupt = good.clone();
    corrupt[good.length / 2] ^= 0x55;
    Throwable failure = startUp(corrupt);
    assertThat(failure).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spam-model.bin").hasMessageContaining("checksum");

    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 3);
    assertThat(startUp(truncated)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spam-model.bin").hasMessageContaining("truncated");
  }

  @Test
  void intactModelStartsUp() throws Exception {
    assertThat(startUp(goodModel())).isNull();
  }

  private static byte[] goodModel() throws IOException {
    try (InputStream in = SpamModel.class.getResourceAsStream(SpamModel.RESOURCE)) {
      assertThat(in).isNotNull();
      return in.readAllBytes();
    }
  }

  // Builds the default pipeline and the default content check in a fresh class loader whose model file has
  // the given bytes (null: no file); returns what the first of them threw, or null.
  private @Nullable Throwable startUp(byte @Nullable [] model) throws Exception {
    @Nullable URL modelUrl = null;
    if (model != null) {
      Path file = dir.resolve("spam-model-" + System.nanoTime() + ".bin");
      Files.write(file, model);
      modelUrl = file.toUri().toURL();
    }
    try (URLClassLoader loader = new ModelSwappingLoader(classPath(), modelUrl)) {
      Class<?> startUp = Class.forName(StartUp.class.getName(), true, loader);
      assertThat(startUp.getClassLoader()).isSameAs(loader);
      try {
        startUp.getMethod("run").invoke(null);
      } catch (InvocationTargetException e) {
        Throwable fromContentCheck = contentCheckFailure(loader);
        assertThat(fromContentCheck).as("ContentCheck.ofDefaults() fails too").isNotNull();
        assertThat(fromContentCheck.getMessage()).isEqualTo(e.getCause().getMessage());
        return e.getCause();
      }
      assertThat(contentCheckFailure(loader)).isNull();
      return null;
    }
  }

  /** What a deployment does at start-up, run inside the class loader under test. */
  public static final class StartUp {
    private StartUp() {}

    public static void run() {
      Fixtures.petitions(new MutableClock(Fixtures.START), InMemoryOutbox.ofDefaults()).build();
    }
  }

  private static @Nullable Throwable contentCheckFailure(ClassLoader loader) throws Exception {
    try {
      Class.forName("org.petition.check.ContentCheck", true, loader).getMethod("ofDefaults").invoke(null);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  // Loads org.petition classes itself (child first) and answers for the model file with the given URL.
  private static final class ModelSwappingLoader extends URLClassLoader {
    private final @Nullable URL model;

    ModelSwappingLoader(URL[] urls, @Nullable URL model) {
      super(urls, ClassLoader.getPlatformClassLoader());
      this.model = model;
    }

    @Override
    public @Nullable URL getResource(String name) {
      return name.equals(MODEL) ? model : super.getResource(name);
    }

    @Override
    public @Nullable InputStream getResourceAsStream(String name) {
      if (!name.equals(MODEL)) {
        return super.getResourceAsStream(name);
      }
      try {
        return model == null ? null : model.openStream();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
