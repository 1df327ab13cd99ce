package org.petition.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.petition.check.ContentCheck;
import org.petition.check.SpamModel;

/**
 * What the spam model and the content check cost on a signing's comment of 500 characters (issue 18's budget:
 * scoring ≤ 20 µs), against a floor that only reads the comment's code points once, and the name check
 * (which the model must not slow: the model reads comments only).
 *
 * <pre>
 * mvn -q -o -pl petition-core,petition-benchmarks package -DskipTests
 * java -jar petition-benchmarks/target/benchmarks.jar ContentCheckBenchmark -wi 3 -i 5 -f 1 -prof gc
 * </pre>
 *
 * <p>On a shared machine read the ratios to {@code readCodePoints} and {@code nameCheck} (the word-list check
 * of a name) in the same run, and the allocation per operation ({@code gc.alloc.rate.norm}), which noise does
 * not change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContentCheckBenchmark {

  /** A 500-character comment: ordinary English, ordinary Korean, or spam with a link. */
  @Param({"english", "korean", "spam"})
  public String comment;

  private String text = "";
  private SpamModel model = SpamModel.ofDefaults();
  private ContentCheck check = ContentCheck.ofDefaults();

  @Setup
  public void setUp() {
    model = SpamModel.ofDefaults();
    check = ContentCheck.ofDefaults();
    String unit = switch (comment) {
      case "english" -> "I signed because my kids walk along this road to school every morning and the"
          + " council has ignored three letters from parents. Please fix the crossing before someone is hurt. ";
      case "korean" -> "우리 아이들이 매일 이 길로 학교에 다니는데 시청은 학부모들의 편지를 세 번이나 무시했습니다. "
          + "누군가 다치기 전에 횡단보도를 고쳐 주세요. 이 청원을 지지합니다. ";
      default -> "Great petition! Check out my channel for more, subscribe and I sub back. I make $500 a day"
          + " from home, ask me how: www.example-deals.com/start now ";
    };
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 500) {
      sb.append(unit);
    }
    text = sb.substring(0, 500);
  }

  /** The floor: read every code point of the comment once. */
  @Benchmark
  public int readCodePoints() {
    int sum = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      sum += Character.toLowerCase(cp);
      i += Character.charCount(cp);
    }
    return sum;
  }

  /** The spam model's score of the comment. */
  @Benchmark
  public double spamScore() {
    return model.score(text);
  }

  /**
   * The explanation a moderator reads for a comment found to be spam: the four features that weighed most.
   * Made only for flagged comments; measured on every comment here to bound it.
   */
  @Benchmark
  public Object spamExplanation() {
    return model.strongestFeatures(text, 4);
  }

  /** The whole content check of the comment field (links, lists, mojibake, signals, the model). */
  @Benchmark
  public Object commentCheck() {
    return check.checkField("comment", text);
  }

  /** The content check of a first name, for comparison: the model does not run on names. */
  @Benchmark
  public Object nameCheck() {
    return check.checkField("firstName", comment.equals("korean") ? "김민준" : "Jennifer");
  }
}
