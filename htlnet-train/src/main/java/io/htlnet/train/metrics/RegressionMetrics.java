package io.htlnet.train.metrics;

import java.util.Arrays;


/**
 * Metrics of the core prediction on the raw scale: NRMSE, NMAE (1.0 = no better than the mean),
 * normalised Gini, Spearman and XAUC.
 */
public final class RegressionMetrics {
  private RegressionMetrics() {}

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** RMSE / std(y), std the population standard deviation. */
  public static double nrmse(double[] prediction, double[] y) {
    double m = mean(y);
    double squared = 0;
    double variance = 0;
    for (int i = 0; i < y.length; i++) {
      squared += (prediction[i] - y[i]) * (prediction[i] - y[i]);
      variance += (y[i] - m) * (y[i] - m);
    }
    return Math.sqrt(squared / y.length) / Math.sqrt(variance / y.length);
  }

  /** MAE / mean|y − mean(y)|. */
  public static double nmae(double[] prediction, double[] y) {
    double m = mean(y);
    double absolute = 0;
    double spread = 0;
    for (int i = 0; i < y.length; i++) {
      absolute += Math.abs(prediction[i] - y[i]);
      spread += Math.abs(y[i] - m);
    }
    return absolute / spread;
  }

  /**
   * Normalised Gini: the area between the cumulative-value curve (rows by descending prediction)
   * and the diagonal, over the same area for the perfect ordering. Rows with equal predictions
   * share their group's mean value, so a constant prediction scores 0 whatever the row order.
   */
  public static double normalizedGini(double[] prediction, double[] y) {
    return gini(prediction, y) / gini(y, y);
  }

  private static double gini(double[] prediction, double[] y) {
    int n = y.length;
    int[] ascending = Ranks.order(prediction);
    double[] values = new double[n];
    for (int end = n - 1; end >= 0; ) {
      int start = end;
      while (start - 1 >= 0 && prediction[ascending[start - 1]] == prediction[ascending[end]]) {
        start--;
      }
      double groupSum = 0;
      for (int i = start; i <= end; i++) {
        groupSum += y[ascending[i]];
      }
      for (int i = start; i <= end; i++) {
        values[n - 1 - i] = groupSum / (end - start + 1);
      }
      end = start - 1;
    }
    double total = Arrays.stream(values).sum();
    double cumulative = 0;
    double area = 0;
    for (double v : values) {
      cumulative += v;
      area += cumulative / total;
    }
    return (area - (n + 1) / 2.0) / n;
  }

  /** Pearson correlation of the tie-averaged ranks. */
  public static double spearman(double[] prediction, double[] y) {
    double[] a = Ranks.average(prediction);
    double[] b = Ranks.average(y);
    double ma = mean(a);
    double mb = mean(b);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / Math.sqrt(va * vb);
  }

  /**
   * Exact XAUC: over all pairs with different y, the share the prediction orders the same way
   * (ties in prediction count half). O(n log n) with a Fenwick tree over prediction ranks.
   */
  public static double xauc(double[] prediction, double[] y) {
    int n = y.length;
    double[] sortedPredictions = prediction.clone();
    Arrays.sort(sortedPredictions);
    int[] byY = Ranks.order(y);
    long[] tree = new long[n + 1];
    double concordant = 0;
    double pairs = 0;
    int seen = 0;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && y[byY[end + 1]] == y[byY[start]]) {
        end++;
      }
      for (int i = start; i <= end; i++) {
        double p = prediction[byY[i]];
        int below = count(sortedPredictions, p, false);
        int atOrBelow = count(sortedPredictions, p, true);
        long less = prefix(tree, below);
        long equal = prefix(tree, atOrBelow) - less;
        concordant += less + 0.5 * equal;
        pairs += seen;
      }
      for (int i = start; i <= end; i++) {
        for (int at = count(sortedPredictions, prediction[byY[i]], true); at <= n; at += at & -at) {
          tree[at]++;
        }
      }
      seen += end - start + 1;
      start = end + 1;
    }
    return pairs == 0 ? Double.NaN : concordant / pairs;
  }

  private static long prefix(long[] tree, int count) {
    long sum = 0;
    for (int at = count; at > 0; at -= at & -at) {
      sum += tree[at];
    }
    return sum;
  }

  /** Number of sorted values below v, or at or below it when {@code inclusive}. */
  private static int count(double[] sorted, double v, boolean inclusive) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v || (inclusive && sorted[mid] == v)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
