package io.htlnet.train.metrics;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks with ties averaged (1-based), the basis of AUC and Spearman. */
final class Ranks {
  private Ranks() {}

  static int[] order(double[] values) {
    return IntStream.range(0, values.length).boxed()
        .sorted(Comparator.comparingDouble(i -> values[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  static double[] average(double[] values) {
    int[] order = order(values);
    double[] ranks = new double[values.length];
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double rank = (start + end) / 2.0 + 1;
      for (int i = start; i <= end; i++) {
        ranks[order[i]] = rank;
      }
      start = end + 1;
    }
    return ranks;
  }
}
