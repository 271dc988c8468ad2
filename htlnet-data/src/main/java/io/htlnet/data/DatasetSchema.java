package io.htlnet.data;

import java.util.List;

/**
 * The roles of a dataset's columns once the config and the adapter's defaults are resolved:
 * categorical and numeric features, the time column, the ordered classification chain and the
 * continuous core target.
 */
public record DatasetSchema(
    List<String> categorical,
    List<String> numeric,
    String time,
    List<String> tasks,
    String core) {

  public DatasetSchema {
    categorical = List.copyOf(categorical);
    numeric = List.copyOf(numeric);
    tasks = List.copyOf(tasks);
  }

  /** Task names in chain order, the core last. */
  public List<String> taskChain() {
    var all = new java.util.ArrayList<>(tasks);
    all.add(core);
    return List.copyOf(all);
  }
}
