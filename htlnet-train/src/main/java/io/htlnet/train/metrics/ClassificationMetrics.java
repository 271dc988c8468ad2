package io.htlnet.train.metrics;

/** AUC (ties in score count half) and LogLoss (probabilities clipped to [1e−7, 1 − 1e−7]). */
public final class ClassificationMetrics {
  private static final double EPS = 1e-7;

  private ClassificationMetrics() {}

  /** Probability that a random positive scores above a random negative; NaN with one class only. */
  public static double auc(double[] score, double[] label) {
    double[] ranks = Ranks.average(score);
    double positives = 0;
    double rankSum = 0;
    for (int i = 0; i < label.length; i++) {
      if (label[i] > 0.5) {
        positives++;
        rankSum += ranks[i];
      }
    }
    double negatives = label.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
  }

  public static double logLoss(double[] probability, double[] label) {
    double sum = 0;
    for (int i = 0; i < label.length; i++) {
      double p = Math.min(Math.max(probability[i], EPS), 1 - EPS);
      sum -= label[i] * Math.log(p) + (1 - label[i]) * Math.log(1 - p);
    }
    return sum / label.length;
  }
}
