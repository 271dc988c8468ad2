package io.htlnet.train;

import io.htlnet.config.HtlnetConfig;
import io.htlnet.data.PreparedData;
import io.htlnet.model.ModelSession;
import io.htlnet.model.StepTrace;
import java.util.Arrays;
import java.util.stream.IntStream;

/** Times training steps on real batches, split into batch assembly and the session call. */
public final class TrainingBenchmark {
  private TrainingBenchmark() {}

  public record Result(double medianStepMillis, double meanStepMillis, double meanBatchMillis, double meanSessionMillis) {}

  /** Times {@code steps} steps after {@code warmup}; then, if {@code trace} is given, traces {@code traced} more. */
  public static Result run(ModelSession session, PreparedData data, HtlnetConfig config, int warmup, int steps, int traced, StepTrace trace) {
    var p = data.preprocessor();
    int batchSize = config.train().batchSize();
    var batches = new BatchAssembler(data.train(), p.fields().size(), p.numeric().size(), p.tasks().size(), batchSize);
    int[] order = IntStream.range(0, data.train().rows()).toArray();
    int batchesPerEpoch = Math.max(1, order.length / batchSize);
    double[] stepMillis = new double[steps];
    double batchMillis = 0;
    double sessionMillis = 0;
    for (int s = 0; s < warmup + steps; s++) {
      long t0 = System.nanoTime();
      int rows = batches.fill(order, (s % batchesPerEpoch) * batchSize);
      long t1 = System.nanoTime();
      batches.step(session, rows, s, (float) config.model().gumbel().tauAt(s));
      long t2 = System.nanoTime();
      if (s >= warmup) {
        stepMillis[s - warmup] = (t2 - t0) / 1e6;
        batchMillis += (t1 - t0) / 1e6;
        sessionMillis += (t2 - t1) / 1e6;
      }
    }
    for (int s = 0; trace != null && s < traced; s++) {
      int rows = batches.fill(order, (s % batchesPerEpoch) * batchSize);
      batches.step(session, rows, warmup + steps + s, (float) config.model().gumbel().tauAt(s), trace);
    }
    double[] sorted = stepMillis.clone();
    Arrays.sort(sorted);
    return new Result(sorted[steps / 2], Arrays.stream(stepMillis).average().orElse(Double.NaN), batchMillis / steps, sessionMillis / steps);
  }
}
