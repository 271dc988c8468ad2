package io.htlnet.data;

import io.htlnet.config.InputException;
import io.htlnet.data.source.RecordSource;
import io.htlnet.data.source.SourceRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a {@link RecordSource} into a {@link RawTable}: parses and checks each row, and either
 * keeps it or, when told to skip, counts it under its {@link SkipReason}. Without skipping, the
 * first bad row stops the read with its file, line, column and column name.
 */
public final class TableReader {
  private final RecordSource source;
  private final DatasetSchema schema;
  private final List<DerivedColumn> derived;
  private final List<SideTable> joins;
  private final boolean skipBadRows;
  private final boolean coreMustBeNonNegative;

  private final int sourceWidth;
  private final List<String> header;
  private final int[] categoricalColumns;
  private final int[] numericColumns;
  private final int[] labelColumns;
  private final int coreColumn;
  private final int timeColumn;
  private final int[] derivedSources;
  private final int[] joinKeys;

  private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
  private final RowAccounting accounting = new RowAccounting();
  private int rows;
  private int[] categoricalIds = new int[0];
  private float[] numeric = new float[0];
  private float[] labels = new float[0];
  private double[] core = new double[0];
  private long[] time = new long[0];

  public TableReader(
      RecordSource source,
      DatasetSchema schema,
      List<DerivedColumn> derived,
      List<SideTable> joins,
      boolean skipBadRows,
      boolean coreMustBeNonNegative) {
    this.source = source;
    this.schema = schema;
    this.derived = List.copyOf(derived);
    this.joins = List.copyOf(joins);
    this.skipBadRows = skipBadRows;
    this.coreMustBeNonNegative = coreMustBeNonNegative;
    this.sourceWidth = source.header().size();
    var full = new ArrayList<>(source.header());
    derived.forEach(d -> full.add(d.name()));
    joins.forEach(j -> full.addAll(j.columns()));
    this.header = List.copyOf(full);
    this.derivedSources = derived.stream().mapToInt(d -> column(d.source(), "a derived column's source")).toArray();
    this.joinKeys = joins.stream().mapToInt(j -> column(j.key(), "data.joins")).toArray();
    this.categoricalColumns = schema.categorical().stream().mapToInt(c -> column(c, "data.categorical")).toArray();
    this.numericColumns = schema.numeric().stream().mapToInt(c -> column(c, "data.numeric")).toArray();
    this.labelColumns = schema.tasks().stream().mapToInt(c -> column(c, "data.tasks")).toArray();
    this.coreColumn = column(schema.core(), "data.core");
    this.timeColumn = column(schema.time(), "data.time");
    schema.categorical().forEach(c -> dictionaries.add(new HashMap<>()));
  }

  private int column(String name, String configKey) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new InputException(
          source.name() + ":1: column '" + name + "' named in " + configKey + " is not in the header " + header);
    }
    return i;
  }

  /** A row that cannot be used: thrown to the row loop, which counts it or stops the read. */
  private static final class BadRow extends Exception {
    final SkipReason reason;
    final int column;

    BadRow(SkipReason reason, int column, String message) {
      super(message, null, false, false);
      this.reason = reason;
      this.column = column;
    }
  }

  public RawTable read() {
    int f = categoricalColumns.length;
    int n = numericColumns.length;
    int k = labelColumns.length;
    String[] values = new String[header.size()];
    String[] catValues = new String[f];
    float[] numValues = new float[n];
    float[] labelValues = new float[k];
    try (source) {
      for (SourceRecord record = source.next(); record != null; record = source.next()) {
        accounting.read();
        try {
          fill(record, values);
          for (int i = 0; i < f; i++) {
            catValues[i] = values[categoricalColumns[i]];
          }
          for (int i = 0; i < n; i++) {
            numValues[i] = (float) number(values, numericColumns[i]);
          }
          for (int i = 0; i < k; i++) {
            labelValues[i] = label(values, labelColumns[i]);
          }
          double coreValue = coreValue(values);
          long timeValue = (long) number(values, timeColumn);
          append(catValues, numValues, labelValues, coreValue, timeValue);
          accounting.used();
        } catch (BadRow bad) {
          if (!skipBadRows) {
            throw new InputException(
                source.name() + ":" + record.line() + ":" + (bad.column + 1) + ": "
                    + (bad.column < header.size() ? "column '" + header.get(bad.column) + "': " : "")
                    + bad.getMessage() + " (data.on_error: skip would count and skip such rows)");
          }
          accounting.skipped(bad.reason);
        }
      }
      source.droppedRows().forEach(accounting::droppedBySource);
    }
    var dictionaryLists = new ArrayList<List<String>>();
    for (Map<String, Integer> dictionary : dictionaries) {
      String[] byId = new String[dictionary.size()];
      dictionary.forEach((value, id) -> byId[id] = value);
      dictionaryLists.add(List.of(byId));
    }
    return new RawTable(
        schema, source.name(), rows, dictionaryLists,
        Arrays.copyOf(categoricalIds, rows * f), Arrays.copyOf(numeric, rows * n),
        Arrays.copyOf(labels, rows * k), Arrays.copyOf(core, rows), Arrays.copyOf(time, rows),
        accounting);
  }

  private void fill(SourceRecord record, String[] values) throws BadRow {
    String[] fields = record.fields();
    if (fields.length != sourceWidth) {
      throw new BadRow(
          SkipReason.WRONG_FIELD_COUNT, Math.min(fields.length, sourceWidth),
          "row has " + fields.length + " fields, the header has " + sourceWidth);
    }
    for (int i = 0; i < sourceWidth; i++) {
      values[i] = fields[i].trim();
    }
    int at = sourceWidth;
    for (int d = 0; d < derived.size(); d++, at++) {
      try {
        values[at] = derived.get(d).derivation().apply(values[derivedSources[d]]);
      } catch (NumberFormatException e) {
        throw new BadRow(
            SkipReason.NOT_A_NUMBER, derivedSources[d],
            "'" + values[derivedSources[d]] + "' cannot give " + derived.get(d).name() + ": " + e.getMessage());
      }
    }
    for (int j = 0; j < joins.size(); j++) {
      String[] joined = joins.get(j).lookup(values[joinKeys[j]]);
      for (int c = 0; c < joins.get(j).columns().size(); c++, at++) {
        values[at] = joined == null ? null : joined[c];
      }
    }
  }

  private static double number(String[] values, int column) throws BadRow {
    return finite(values, column, SkipReason.NOT_A_NUMBER, "is not a finite number");
  }

  /** Parses a number; a value that parses but is not finite is a row problem of {@code reason}. */
  private static double finite(String[] values, int column, SkipReason reason, String problem) throws BadRow {
    String text = values[column];
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadRow(SkipReason.NOT_A_NUMBER, column, "'" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new BadRow(reason, column, "'" + text + "' " + problem);
    }
    return value;
  }

  private static float label(String[] values, int column) throws BadRow {
    String text = values[column];
    if (text.equals("0") || text.equals("1")) {
      return text.charAt(0) - '0';
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadRow(SkipReason.LABEL_NOT_BINARY, column, "label '" + text + "' is not 0 or 1");
    }
    if (value != 0 && value != 1) {
      throw new BadRow(SkipReason.LABEL_NOT_BINARY, column, "label '" + text + "' is not 0 or 1");
    }
    return (float) value;
  }

  private double coreValue(String[] values) throws BadRow {
    double value = finite(values, coreColumn, SkipReason.CORE_NOT_FINITE, "is not finite: the core target must be a number");
    if (coreMustBeNonNegative && value < 0) {
      throw new BadRow(SkipReason.CORE_NEGATIVE, coreColumn, "core target " + values[coreColumn] + " is negative, which log1p_zscore cannot take");
    }
    return value;
  }

  private void append(String[] catValues, float[] numValues, float[] labelValues, double coreValue, long timeValue) {
    int f = catValues.length;
    int n = numValues.length;
    int k = labelValues.length;
    if (rows == time.length) {
      int capacity = Math.max(1024, rows * 2);
      categoricalIds = Arrays.copyOf(categoricalIds, capacity * f);
      numeric = Arrays.copyOf(numeric, capacity * n);
      labels = Arrays.copyOf(labels, capacity * k);
      core = Arrays.copyOf(core, capacity);
      time = Arrays.copyOf(time, capacity);
    }
    for (int i = 0; i < f; i++) {
      String value = catValues[i];
      Map<String, Integer> dictionary = dictionaries.get(i);
      categoricalIds[rows * f + i] =
          value == null ? -1 : dictionary.computeIfAbsent(value, v -> dictionary.size());
    }
    System.arraycopy(numValues, 0, numeric, rows * n, n);
    System.arraycopy(labelValues, 0, labels, rows * k, k);
    core[rows] = coreValue;
    time[rows] = timeValue;
    rows++;
  }
}
