package io.htlnet.train;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@code report.md}: a run's metrics, epochs and curves, for reading rather than parsing. */
final class RunReport {
  private RunReport() {}

  static String markdown(String title, Map<String, Object> provenance, Map<String, Map<String, Double>> test,
      Map<String, Map<String, Double>> validation, List<EpochRecord> epochs, int bestEpoch, List<String> taskChain) {
    var out = new StringBuilder("# ").append(title).append("\n\n");
    out.append("Seed ").append(provenance.get("seed")).append(", commit `").append(provenance.get("git_commit"))
        .append("`, data `").append(provenance.get("data_fingerprint")).append("`; full config in `config.resolved.yaml`.\n\n");
    out.append("## Test metrics (best epoch ").append(bestEpoch).append(")\n\n").append(table(test)).append('\n');
    out.append("## Validation metrics (best epoch)\n\n").append(table(validation)).append('\n');
    out.append("## Epochs\n\n| epoch |");
    taskChain.forEach(t -> out.append(" loss ").append(t).append(" |"));
    taskChain.forEach(t -> out.append(" shared-grad norm ").append(t).append(" |"));
    out.append(" samples/s |\n|---|");
    out.append("---|".repeat(2 * taskChain.size() + 1)).append('\n');
    for (EpochRecord e : epochs) {
      out.append("| ").append(e.epoch()).append(e.epoch() == bestEpoch ? " (best)" : "").append(" |");
      for (double l : e.meanLosses()) {
        out.append(String.format(" %.5f |", l));
      }
      for (double n : e.meanSharedGradientNorms()) {
        out.append(String.format(" %.5f |", n));
      }
      out.append(String.format(" %.0f |%n", e.samplesPerSecond()));
    }
    out.append("\n![training curves](").append(RunFolder.CURVES).append(")\n");
    return out.toString();
  }

  private static String table(Map<String, Map<String, Double>> metrics) {
    var columns = new LinkedHashSet<String>();
    metrics.values().forEach(m -> columns.addAll(m.keySet()));
    var out = new StringBuilder("| task |");
    columns.forEach(c -> out.append(' ').append(c).append(" |"));
    out.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
    metrics.forEach((task, values) -> {
      out.append("| ").append(task).append(" |");
      columns.forEach(c -> out.append(values.containsKey(c) ? String.format(" %.5f |", values.get(c)) : " |"));
      out.append('\n');
    });
    return out.toString();
  }
}
