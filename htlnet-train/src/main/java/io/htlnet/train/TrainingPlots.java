package io.htlnet.train;

import io.htlnet.model.ModelSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training curves of a run as one PNG: training loss per task, validation metrics per epoch,
 * and each task's shared-gradient norm and cosine with the core gradient per step.
 */
final class TrainingPlots {
  private static final java.awt.Color[] PALETTE = {
    new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14), new java.awt.Color(148, 103, 189),
    new java.awt.Color(44, 160, 44), new java.awt.Color(214, 39, 40)
  };

  private TrainingPlots() {}

  static void write(Path file, List<String> taskChain, List<EpochRecord> epochs, List<ModelSession.StepResult> steps) {
    int k = taskChain.size() - 1;
    double[] epochAxis = epochs.stream().mapToDouble(EpochRecord::epoch).toArray();
    XYChart loss = Charts.line("Training loss per task", "epoch", "mean loss");
    XYChart validation = Charts.line("Validation metrics", "epoch", "value");
    for (int t = 0; t <= k; t++) {
      final int task = t;
      add(loss, taskChain.get(t), epochAxis, epochs, e -> e.meanLosses()[task]);
    }
    for (int t = 0; t < k; t++) {
      String name = taskChain.get(t);
      add(validation, name + " AUC", epochAxis, epochs, e -> e.validation().get(name).get("auc"));
    }
    String core = taskChain.get(k);
    for (String metric : List.of("nrmse", "gini")) {
      add(validation, core + " " + metric, epochAxis, epochs, e -> e.validation().get(core).get(metric));
    }
    XYChart norms = Charts.line("Shared-gradient norm per task per step (dashed: after the method)", "step", "L2 norm");
    norms.getStyler().setYAxisLogarithmic(true);
    XYChart cosines = Charts.line("Cosine of each task's shared gradient with the core's", "step", "cosine");
    double[] stepAxis = IntStream.range(0, steps.size()).asDoubleStream().toArray();
    if (!steps.isEmpty()) {
      for (int t = 0; t <= k; t++) {
        final int task = t;
        double[] y = steps.stream().mapToDouble(s -> Math.max(s.sharedGradientNorms()[task], 1e-12)).toArray();
        java.awt.Color color = PALETTE[t % PALETTE.length];
        var raw = norms.addSeries(taskChain.get(t), stepAxis, y);
        raw.setMarker(SeriesMarkers.NONE);
        raw.setLineColor(color);
        double[] applied = steps.stream().mapToDouble(s -> Math.max(s.appliedGradientNorms()[task], 1e-12)).toArray();
        var series = norms.addSeries(taskChain.get(t) + " after method", stepAxis, applied);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        series.setLineColor(color);
      }
      for (int t = 0; t < k; t++) {
        final int task = t;
        double[] y = steps.stream().mapToDouble(s -> s.coreCosines()[task]).toArray();
        cosines.addSeries(taskChain.get(t), stepAxis, y).setMarker(SeriesMarkers.NONE);
      }
    }
    List<XYChart> charts = new ArrayList<>(List.of(loss, validation));
    if (!steps.isEmpty()) {
      charts.addAll(List.of(norms, cosines));
    }
    Charts.writePng(file, charts, 2);
  }

  private static void add(XYChart chart, String name, double[] x, List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> value) {
    chart.addSeries(name, x, epochs.stream().mapToDouble(value).toArray());
  }
}
