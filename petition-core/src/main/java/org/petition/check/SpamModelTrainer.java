package org.petition.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.petition.check.internal.SpamFeatures;

/**
 * Trains a {@link SpamModel}: logistic regression fitted by AdaGrad over the model's features, with a light
 * L2 penalty. Training is deterministic: the same examples added in the same order with the same seed give
 * the same model, byte for byte (Java's floating point is strict and {@link Random} is specified).
 *
 * <p>A deployment can train its own model from comments its moderators labelled; the built-in one is
 * trained by {@code petition-benchmarks}' {@code TrainSpamModel}. Not thread-safe.
 */
public final class SpamModelTrainer {

  private record Example(int[] buckets, int[] dense, boolean spam, double weight) {}

  private final List<Example> examples = new ArrayList<>();
  private long seed = 18;
  private int epochs = 6;
  private double learningRate = 0.2;
  private double l2 = 1e-6;

  /** A trainer without examples, seed 18, 6 epochs, learning rate 0.2, L2 penalty 1e-6. */
  public SpamModelTrainer() {}

  /**
   * Adds a labelled example.
   *
   * @param text the comment
   * @param spam whether it is spam
   * @param weight how much it counts, greater than 0 (to balance corpora of different sizes)
   * @return this trainer
   */
  public SpamModelTrainer add(String text, boolean spam, double weight) {
    Objects.requireNonNull(text, "text must not be null");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be a finite number greater than 0, was: " + weight);
    }
    List<Integer> buckets = new ArrayList<>();
    List<Integer> dense = new ArrayList<>();
    SpamFeatures.extract(text, new SpamFeatures.Sink() {
      @Override
      public void hashed(int bucket, int kind, int start, int end) {
        buckets.add(bucket);
      }

      @Override
      public void dense(int index) {
        dense.add(index);
      }
    });
    examples.add(new Example(
        buckets.stream().mapToInt(Integer::intValue).toArray(),
        dense.stream().mapToInt(Integer::intValue).toArray(), spam, weight));
    return this;
  }

  /** The seed of the shuffling between epochs. */
  public SpamModelTrainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * The passes over the examples.
   *
   * @throws IllegalArgumentException unless between 1 and 100
   */
  public SpamModelTrainer epochs(int epochs) {
    if (epochs < 1 || epochs > 100) {
      throw new IllegalArgumentException("epochs must be between 1 and 100, was: " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /**
   * The L2 penalty on the weights.
   *
   * @throws IllegalArgumentException if negative or not finite
   */
  public SpamModelTrainer l2(double l2) {
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 must be a finite number, 0 or more, was: " + l2);
    }
    this.l2 = l2;
    return this;
  }

  /**
   * Fits the model.
   *
   * @param version the version recorded in the model, for example {@code 2026-12.1}
   * @param threshold the score from which a comment is spam, between 0 and 1 exclusive
   * @throws IllegalStateException if there are not both spam and legitimate examples
   */
  public SpamModel train(String version, double threshold) {
    Objects.requireNonNull(version, "version must not be null");
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1 exclusive, was: " + threshold);
    }
    if (examples.stream().noneMatch(Example::spam) || examples.stream().allMatch(Example::spam)) {
      throw new IllegalStateException("training needs both spam and legitimate examples");
    }
    double[] w = new double[SpamFeatures.BUCKETS];
    double[] g2 = new double[SpamFeatures.BUCKETS];
    double[] d = new double[SpamFeatures.DENSE];
    double[] dg2 = new double[SpamFeatures.DENSE];
    double bias = 0;
    double biasG2 = 0;
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int index : order) {
        Example example = examples.get(index);
        double norm = example.buckets.length == 0 ? 0 : 1 / Math.sqrt(example.buckets.length);
        double z = bias;
        for (int b : example.buckets) {
          z += w[b] * norm;
        }
        for (int k : example.dense) {
          z += d[k];
        }
        double p = SpamModel.sigmoid(z);
        double g = (p - (example.spam ? 1 : 0)) * example.weight;
        for (int b : example.buckets) {
          double gb = g * norm + l2 * w[b];
          g2[b] += gb * gb;
          w[b] -= learningRate * gb / Math.sqrt(g2[b] + 1e-8);
        }
        for (int k : example.dense) {
          double gk = g + l2 * d[k];
          dg2[k] += gk * gk;
          d[k] -= learningRate * gk / Math.sqrt(dg2[k] + 1e-8);
        }
        biasG2 += g * g;
        bias -= learningRate * g / Math.sqrt(biasG2 + 1e-8);
      }
    }
    double max = 1e-9;
    for (double v : w) {
      max = Math.max(max, Math.abs(v));
    }
    float scale = (float) (max / Short.MAX_VALUE);
    short[] quantised = new short[w.length];
    for (int i = 0; i < w.length; i++) {
      quantised[i] = (short) Math.round(w[i] / scale);
    }
    float[] denseWeights = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      denseWeights[i] = (float) d[i];
    }
    return new SpamModel(version, quantised, scale, denseWeights, (float) bias, threshold);
  }
}
