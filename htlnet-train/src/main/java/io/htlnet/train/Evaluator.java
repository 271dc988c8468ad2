package io.htlnet.train;

import io.htlnet.data.EncodedSplit;
import io.htlnet.data.Preprocessor;
import io.htlnet.model.Predictor;
import io.htlnet.train.metrics.ClassificationMetrics;
import io.htlnet.train.metrics.RegressionMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scores a split in batches and computes each task's metrics: task name → metric → value. */
public final class Evaluator {
  private Evaluator() {}

  /** Predictions for every row of a split: probabilities (rows × K) and the raw-scale core. */
  public static Predictor.Predictions predictAll(Predictor predictor, EncodedSplit split, int fields, int numeric, int tasks, int batchSize) {
    int n = split.rows();
    float[] probabilities = new float[n * tasks];
    float[] core = new float[n];
    int[] ids = new int[batchSize * fields];
    float[] values = new float[batchSize * numeric];
    for (int start = 0; start < n; start += batchSize) {
      int rows = Math.min(batchSize, n - start);
      System.arraycopy(split.ids(), start * fields, ids, 0, rows * fields);
      System.arraycopy(split.numeric(), start * numeric, values, 0, rows * numeric);
      Predictor.Predictions batch = predictor.predict(rows, ids, values);
      System.arraycopy(batch.probabilities(), 0, probabilities, start * tasks, rows * tasks);
      System.arraycopy(batch.core(), 0, core, start, rows);
    }
    return new Predictor.Predictions(probabilities, core);
  }

  public static Map<String, Map<String, Double>> evaluate(Predictor predictor, EncodedSplit split, Preprocessor preprocessor, int batchSize) {
    int k = preprocessor.tasks().size();
    Predictor.Predictions predictions =
        predictAll(predictor, split, preprocessor.fields().size(), preprocessor.numeric().size(), k, batchSize);
    return metrics(predictions, split, preprocessor);
  }

  static Map<String, Map<String, Double>> metrics(Predictor.Predictions predictions, EncodedSplit split, Preprocessor preprocessor) {
    int n = split.rows();
    int k = preprocessor.tasks().size();
    var result = new LinkedHashMap<String, Map<String, Double>>();
    for (int t = 0; t < k; t++) {
      double[] p = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = predictions.probabilities()[i * k + t];
        y[i] = split.labels()[i * k + t];
      }
      var metrics = new LinkedHashMap<String, Double>();
      metrics.put("auc", ClassificationMetrics.auc(p, y));
      metrics.put("logloss", ClassificationMetrics.logLoss(p, y));
      result.put(preprocessor.tasks().get(t), metrics);
    }
    double[] prediction = new double[n];
    for (int i = 0; i < n; i++) {
      prediction[i] = predictions.core()[i];
    }
    double[] y = split.coreRaw();
    var core = new LinkedHashMap<String, Double>();
    core.put("nrmse", RegressionMetrics.nrmse(prediction, y));
    core.put("nmae", RegressionMetrics.nmae(prediction, y));
    core.put("gini", RegressionMetrics.normalizedGini(prediction, y));
    core.put("spearman", RegressionMetrics.spearman(prediction, y));
    core.put("xauc", RegressionMetrics.xauc(prediction, y));
    result.put(preprocessor.core(), core);
    return result;
  }
}
