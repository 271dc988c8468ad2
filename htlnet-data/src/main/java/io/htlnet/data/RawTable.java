package io.htlnet.data;

import java.util.List;

/**
 * The rows of a dataset as read, before any statistics: categorical values as ids into
 * per-field dictionaries in order of first appearance (-1: absent, e.g. a join without a match),
 * raw numeric values, labels, the raw core target and the time. Nothing else of a row is kept.
 */
public record RawTable(
    DatasetSchema schema,
    String source,
    int rows,
    List<List<String>> dictionaries,
    int[] categoricalIds,
    float[] numeric,
    float[] labels,
    double[] core,
    long[] time,
    RowAccounting accounting) {

  public int fieldCount() {
    return schema.categorical().size();
  }

  public int numericCount() {
    return schema.numeric().size();
  }

  public int taskCount() {
    return schema.tasks().size();
  }
}
