package io.htlnet.cli;

import java.util.LinkedHashSet;
import java.util.Map;

/** A plain-text table of task × metric, for the terminal. */
final class MetricsTable {
  private MetricsTable() {}

  static String format(String title, Map<String, Map<String, Double>> metrics) {
    var columns = new LinkedHashSet<String>();
    metrics.values().forEach(m -> columns.addAll(m.keySet()));
    int taskWidth = Math.max(4, metrics.keySet().stream().mapToInt(String::length).max().orElse(4));
    var out = new StringBuilder(title).append('\n');
    out.append(String.format("%-" + taskWidth + "s", "task"));
    columns.forEach(c -> out.append(String.format("  %9s", c)));
    out.append('\n');
    metrics.forEach((task, values) -> {
      out.append(String.format("%-" + taskWidth + "s", task));
      columns.forEach(c -> out.append(values.containsKey(c) ? String.format("  %9.5f", values.get(c)) : String.format("  %9s", "")));
      out.append('\n');
    });
    return out.toString();
  }
}
