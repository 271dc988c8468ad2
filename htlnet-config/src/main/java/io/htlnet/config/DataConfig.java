package io.htlnet.config;

import java.util.List;

/** Where the data is and how its columns map onto features, the task chain and the core target. */
public record DataConfig(
    String format,
    String path,
    String delimiter,
    List<String> categorical,
    List<String> numeric,
    String time,
    List<String> tasks,
    String core,
    TargetConfig target,
    int minCount,
    List<Double> split,
    String onError,
    List<JoinConfig> joins,
    SyntheticConfig synthetic) {

  public boolean skipBadRows() {
    return "skip".equals(onError);
  }

  /** How the core target is transformed for training; predictions go back to the raw scale. */
  public record TargetConfig(String transform, Double clip) {}

  /** A side table whose {@code columns} are joined onto each row by {@code key}. */
  public record JoinConfig(String path, String key, List<String> columns) {}

  /** Size and shape of the built-in generator's data. */
  public record SyntheticConfig(int rows, int users, int items, int factors, int days) {}
}
