package io.htlnet.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every row read is either used or skipped under one reason: rowsRead = rowsUsed + skipped. */
public final class RowAccounting {
  private long rowsRead;
  private long rowsUsed;
  private final Map<String, Long> skipped = new LinkedHashMap<>();

  void read() {
    rowsRead++;
  }

  void used() {
    rowsUsed++;
  }

  void skipped(SkipReason reason) {
    skipped.merge(reason.key, 1L, Long::sum);
  }

  /** Rows the source read but turned into no record: read, and skipped under the source's reason. */
  void droppedBySource(String reason, long count) {
    rowsRead += count;
    skipped.merge(reason, count, Long::sum);
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsUsed() {
    return rowsUsed;
  }

  public Map<String, Long> rowsSkipped() {
    return Map.copyOf(skipped);
  }

  public long totalSkipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The shape written under {@code data} in metrics.json. */
  public Map<String, Object> toMap() {
    var map = new LinkedHashMap<String, Object>();
    map.put("rows_read", rowsRead);
    map.put("rows_used", rowsUsed);
    map.put("rows_skipped", new LinkedHashMap<>(skipped));
    return map;
  }
}
