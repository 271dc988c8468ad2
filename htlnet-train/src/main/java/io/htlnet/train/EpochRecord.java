package io.htlnet.train;

import java.util.Map;

/**
 * One epoch: per task (chain order, core last) the mean training loss and mean shared-gradient
 * norm, per classification task the mean cosine of its shared gradient with the core's, the
 * validation metrics, and time spent assembling batches and in the session for {@code samples}
 * training rows (the run's very first step, which also warms the graph up, is not timed).
 */
public record EpochRecord(
    int epoch,
    double[] meanLosses,
    double[] meanSharedGradientNorms,
    double[] meanCoreCosines,
    Map<String, Map<String, Double>> validation,
    double batchSeconds,
    double sessionSeconds,
    long samples) {

  public double samplesPerSecond() {
    return samples / (batchSeconds + sessionSeconds);
  }
}
