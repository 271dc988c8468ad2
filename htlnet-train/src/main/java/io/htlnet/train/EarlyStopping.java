package io.htlnet.train;

import io.htlnet.config.InputException;
import io.htlnet.data.Preprocessor;
import java.util.Map;
import java.util.Set;

/** Tracks the best validation value of one TASK.METRIC and says when patience has run out. */
final class EarlyStopping {
  private static final Set<String> HIGHER_IS_BETTER = Set.of("auc", "gini", "spearman", "xauc");

  private final String task;
  private final String metric;
  private final int patience;
  private final boolean higherIsBetter;
  private double best = Double.NaN;
  private int bestEpoch = -1;

  EarlyStopping(String taskDotMetric, int patience, Preprocessor preprocessor) {
    int dot = taskDotMetric.lastIndexOf('.');
    String name = taskDotMetric.substring(0, dot);
    this.task = name.equals("core") ? preprocessor.core() : name;
    this.metric = taskDotMetric.substring(dot + 1);
    boolean classification = preprocessor.tasks().contains(task);
    Set<String> known = classification ? Set.of("auc", "logloss") : Set.of("nrmse", "nmae", "gini", "spearman", "xauc");
    if (!classification && !task.equals(preprocessor.core())) {
      throw new InputException("config key 'train.early_stopping.metric': task '" + name + "' is not one of "
          + preprocessor.tasks() + ", " + preprocessor.core() + " or 'core'");
    }
    if (!known.contains(metric)) {
      throw new InputException("config key 'train.early_stopping.metric': '" + metric + "' is not a metric of "
          + task + "; expected one of " + known);
    }
    this.patience = patience;
    this.higherIsBetter = HIGHER_IS_BETTER.contains(metric);
  }

  /** Records an epoch's validation metrics; true if it is the best so far. */
  double valueOf(Map<String, Map<String, Double>> metrics) {
    return metrics.get(task).get(metric);
  }

  boolean record(int epoch, Map<String, Map<String, Double>> validation) {
    double value = valueOf(validation);
    boolean improved = bestEpoch < 0 || (higherIsBetter ? value > best : value < best);
    if (improved) {
      best = value;
      bestEpoch = epoch;
    }
    return improved;
  }

  boolean shouldStop(int epoch) {
    return epoch - bestEpoch >= patience;
  }

  int bestEpoch() {
    return bestEpoch;
  }

  String describe() {
    return task + "." + metric;
  }
}
