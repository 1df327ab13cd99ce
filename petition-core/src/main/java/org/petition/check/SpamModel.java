package org.petition.check;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;
import org.petition.check.internal.FeatureTally;
import org.petition.check.internal.SpamFeatures;

/**
 * A trained spam classifier for comments: logistic regression over hashed words, pairs of words and
 * character n-grams, plus a few hand-made signals (a link, an @handle, a phone number, a money amount,
 * capitals, the length, and two or more spam concepts seen together, such as earnings and a messenger contact,
 * read alike in English, Russian, Korean, German, French, Spanish and Portuguese). {@link ContentCheck} reports {@code content.spam} when a comment's {@link #score}
 * reaches the {@link #threshold()}, naming the features that weighed most ({@link #strongestFeatures}).
 *
 * <p>The built-in model, {@code spam-model.bin} next to this class, is trained by {@link SpamModelTrainer}
 * from the public corpora listed in {@code docs/CONTENT-QUALITY.md}; {@code petition-benchmarks}' {@code
 * TrainSpamModel} rebuilds it byte for byte. It is loaded once; a missing or corrupt file makes {@link
 * #ofDefaults()} throw an {@link IllegalStateException} saying so, so a deployment fails at start-up rather than
 * running without the check.
 *
 * <p>Scoring reads the text once, in time linear in its length, builds no substring and allocates a few
 * dozen bytes; any text scores (empty, symbols only, any script). The explanation sums the features by the
 * words they are shown as in a table of one entry per distinct word or pair of words and builds strings only
 * for the few it returns. Immutable and thread-safe.
 *
 * <p>File format (big-endian): the magic {@code PSPM}, format 1, the model's version (modified UTF-8), the
 * hash bits, the number of dense features, the bias, the threshold, the scale of the quantised weights, the
 * {@code 2^bits} hashed weights as 16-bit integers, the dense weights as floats, and a CRC-32 of all that.
 */
public final class SpamModel {

  /** The built-in model's file name, next to this class on the class path. */
  public static final String RESOURCE = "spam-model.bin";

  private static final int MAGIC = 0x5053504D;
  private static final int FORMAT = 1;
  private static final int MAX_SHOWN = 24;
  private static final int MAX_EXPLAINED = 4000;

  private final String version;
  private final short[] weights;
  private final float scale;
  private final float[] dense;
  private final float bias;
  private final double threshold;

  SpamModel(String version, short[] weights, float scale, float[] dense, float bias, double threshold) {
    this.version = version;
    this.weights = weights;
    this.scale = scale;
    this.dense = dense;
    this.bias = bias;
    this.threshold = threshold;
  }

  /**
   * The built-in model, loaded on first use.
   *
   * @throws IllegalStateException if the model file is missing from the class path or corrupt
   */
  public static SpamModel ofDefaults() {
    IllegalStateException failure = Defaults.FAILURE;
    if (failure != null) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return Objects.requireNonNull(Defaults.MODEL);
  }

  /**
   * Loads a model file from the class path.
   *
   * @param anchor the class next to which the file lies
   * @param name the file's name
   * @return the model
   * @throws IllegalStateException if the file is missing or corrupt; the message names it
   */
  public static SpamModel load(Class<?> anchor, String name) {
    Objects.requireNonNull(anchor, "anchor must not be null");
    Objects.requireNonNull(name, "name must not be null");
    InputStream in = anchor.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("spam model " + name + " is missing from the class path next to "
          + anchor.getName() + "; the content check cannot run without it");
    }
    try (in) {
      return read(in);
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalStateException("spam model " + name + " next to " + anchor.getName()
          + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model in the file format described above; the stream is read to the end of the model, not
   * closed.
   *
   * @throws IllegalArgumentException if the data is not a model of a known format, is truncated or fails its
   *     checksum
   * @throws IOException if the stream fails
   */
  public static SpamModel read(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in must not be null");
    CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(in), new CRC32());
    DataInputStream data = new DataInputStream(checked);
    try {
      if (data.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a spam model (wrong magic number)");
      }
      int format = data.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unsupported spam model format " + format + " (this version reads "
            + FORMAT + ")");
      }
      String version = data.readUTF();
      int bits = data.readInt();
      int denseCount = data.readInt();
      if (bits != SpamFeatures.HASH_BITS || denseCount != SpamFeatures.DENSE) {
        throw new IllegalArgumentException("spam model " + version + " has " + bits + " hash bits and "
            + denseCount + " dense features; this version needs " + SpamFeatures.HASH_BITS + " and "
            + SpamFeatures.DENSE);
      }
      float bias = data.readFloat();
      double threshold = data.readDouble();
      float scale = data.readFloat();
      if (!(threshold > 0 && threshold < 1) || !(scale > 0) || !Float.isFinite(bias) || !Float.isFinite(scale)) {
        throw new IllegalArgumentException("spam model " + version + " has an invalid threshold, scale or bias");
      }
      short[] weights = new short[SpamFeatures.BUCKETS];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = data.readShort();
      }
      float[] dense = new float[denseCount];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = data.readFloat();
        if (!Float.isFinite(dense[i])) {
          throw new IllegalArgumentException("spam model " + version + " has an invalid dense weight");
        }
      }
      long expected = checked.getChecksum().getValue();
      long stored = data.readLong();
      if (stored != expected) {
        throw new IllegalArgumentException("spam model " + version + " fails its checksum (corrupt file)");
      }
      return new SpamModel(version, weights, scale, dense, bias, threshold);
    } catch (EOFException e) {
      throw new IllegalArgumentException("spam model is truncated", e);
    }
  }

  /** Writes this model in the file format described above; the stream is flushed, not closed. */
  public void write(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out must not be null");
    CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(out), new CRC32());
    DataOutputStream data = new DataOutputStream(checked);
    data.writeInt(MAGIC);
    data.writeInt(FORMAT);
    data.writeUTF(version);
    data.writeInt(SpamFeatures.HASH_BITS);
    data.writeInt(dense.length);
    data.writeFloat(bias);
    data.writeDouble(threshold);
    data.writeFloat(scale);
    for (short weight : weights) {
      data.writeShort(weight);
    }
    for (float weight : dense) {
      data.writeFloat(weight);
    }
    data.flush();
    data.writeLong(checked.getChecksum().getValue());
    data.flush();
  }

  /** The model's version, as named when it was trained (for example {@code 2026-12.1}). */
  public String version() {
    return version;
  }

  /** The score from which a comment is reported as spam, between 0 and 1 exclusive. */
  public double threshold() {
    return threshold;
  }

  /**
   * A copy of this model that reports spam from another score.
   *
   * @throws IllegalArgumentException unless {@code 0 < threshold < 1}
   */
  public SpamModel withThreshold(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1 exclusive, was: " + threshold);
    }
    return new SpamModel(version, weights, scale, dense, bias, threshold);
  }

  /**
   * The probability, by this model, that the text is spam: between 0 and 1. Never throws for a non-null
   * text; an empty text scores low.
   */
  public double score(CharSequence text) {
    Objects.requireNonNull(text, "text must not be null");
    Scorer scorer = new Scorer(weights, dense);
    SpamFeatures.extract(text, scorer);
    return sigmoid(logit(scorer.hashedSum * scale, scorer.count, scorer.denseSum));
  }

  /** Whether the text's score reaches the threshold. */
  public boolean isSpam(CharSequence text) {
    return score(text) >= threshold;
  }

  /**
   * The features that pushed the text's score up the most, strongest first, for a moderator: words and
   * character sequences quoted ({@code "subscribe"}, {@code "my channel"}) and the hand-made signals
   * named ({@code a link}, {@code a phone number}).
   *
   * @param full the text; past its first 4,000 characters nothing is read
   * @param limit at most this many, at least 1
   */
  public List<String> strongestFeatures(CharSequence full, int limit) {
    Objects.requireNonNull(full, "text must not be null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was: " + limit);
    }
    // The explanation reads the first MAX_EXPLAINED characters: enough for any comment, bounded for any text.
    int length = Math.min(full.length(), MAX_EXPLAINED);
    FeatureTally tally = new FeatureTally(full, SpamFeatures.DENSE);
    int[] count = new int[1];
    SpamFeatures.extract(full, length, new SpamFeatures.Sink() {
      private final int[] leftOf = {-1, -1, -1, -1, -1, -1, -1, -1};
      private final int[] leftEdge = new int[8];
      private final int[] rightOf = {-1, -1, -1, -1, -1, -1, -1, -1};
      private final int[] rightEdge = new int[8];

      @Override
      public void hashed(int bucket, int kind, int start, int end) {
        count[0]++;
        int weight = weights[bucket];
        if (weight == 0) {
          return;
        }
        // A character n-gram is shown as the words it lies in: "subscribers", not "scr".
        int from = start;
        int to = end;
        // Words of more than MAX_SHOWN characters are shown by the n-gram alone: expanding every n-gram of a
        // 100 KB "word" to the whole word would take quadratic time.
        if (kind >= SpamFeatures.CHARS_2) {
          // The n-grams around one position ask for the same word edges: a few are remembered, by position.
          int cached = start & 7;
          if (leftOf[cached] == start) {
            from = leftEdge[cached];
          } else {
            while (from > 0 && start - from < MAX_SHOWN && Character.isLetterOrDigit(full.charAt(from - 1))) {
              from--;
            }
            leftOf[cached] = start;
            leftEdge[cached] = from;
          }
          cached = end & 7;
          if (rightOf[cached] == end) {
            to = rightEdge[cached];
          } else {
            while (to < length && to - end < MAX_SHOWN && Character.isLetterOrDigit(full.charAt(to))) {
              to++;
            }
            rightOf[cached] = end;
            rightEdge[cached] = to;
          }
          if (start - from >= MAX_SHOWN || to - end >= MAX_SHOWN) {
            from = start;
            to = end;
          }
        } else if (end - start > 2 * MAX_SHOWN) {
          to = start + 2 * MAX_SHOWN;
        }
        while (from < to && !Character.isLetterOrDigit(full.charAt(from))) {
          from++;
        }
        while (to > from && !Character.isLetterOrDigit(full.charAt(to - 1))) {
          to--;
        }
        if (from < to) {
          tally.add(from, to, weight * (double) scale);
        }
      }

      @Override
      public void dense(int index) {
        tally.dense(index, dense[index]);
      }
    });
    // Each feature's share of the logit: hashed weights are divided by the norm, dense ones are not.
    return tally.strongest(limit, Math.sqrt(Math.max(1, count[0])));
  }

  float bias() {
    return bias;
  }

  double logit(double hashedSum, int count, double denseSum) {
    return bias + denseSum + (count == 0 ? 0 : hashedSum / Math.sqrt(count));
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Override
  public String toString() {
    return "SpamModel[" + version + ", threshold " + threshold + "]";
  }

  // Sums the weights of the features as they go by.
  private static final class Scorer extends SpamFeatures.Sink {
    private final short[] weights;
    private final float[] dense;
    long hashedSum;
    int count;
    double denseSum;

    Scorer(short[] weights, float[] dense) {
      this.weights = weights;
      this.dense = dense;
    }

    @Override
    public void hashed(int bucket, int kind, int start, int end) {
      hashedSum += weights[bucket];
      count++;
    }

    @Override
    public void dense(int index) {
      denseSum += dense[index];
    }
  }

  // Loaded once; a failure is kept and thrown again, with its message, to every later caller.
  private static final class Defaults {
    static final @Nullable SpamModel MODEL;
    static final @Nullable IllegalStateException FAILURE;

    static {
      SpamModel model = null;
      IllegalStateException failure = null;
      try {
        model = load(SpamModel.class, RESOURCE);
      } catch (IllegalStateException e) {
        failure = e;
      }
      MODEL = model;
      FAILURE = failure;
    }
  }
}
