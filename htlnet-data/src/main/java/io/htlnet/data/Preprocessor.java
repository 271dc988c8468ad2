package io.htlnet.data;

import io.htlnet.config.DataConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything learned from the training split before the model sees a row: each categorical
 * field's vocabulary (id 0 is out-of-vocabulary), each numeric field's mean and standard deviation,
 * and the core target's transform. Saved beside every model, so that evaluation encodes new rows
 * exactly as training did.
 */
public record Preprocessor(
    List<String> tasks, String core, List<Field> fields, List<NumericStat> numeric, Target target) {

  /**
   * A categorical field; its value at index i has id i + 1. A served model reads it from the raw
   * column {@code source}, through {@code derivation} (a {@link Derivation} name) when not null.
   */
  public record Field(String name, List<String> values, String source, String derivation) {
    public int vocabularySize() {
      return values.size() + 1;
    }
  }

  public record NumericStat(String name, double mean, double std) {}

  /** {@code t = (f(min(y, clip)) − mean) / std} with f the identity or log1p. */
  public record Target(String transform, Double clip, double mean, double std) {
    public double forward(double raw) {
      double clipped = clip == null ? raw : Math.min(raw, clip);
      double shaped = "log1p_zscore".equals(transform) ? Math.log1p(clipped) : clipped;
      return (shaped - mean) / std;
    }

    public double inverse(double transformed) {
      double shaped = transformed * std + mean;
      return "log1p_zscore".equals(transform) ? Math.expm1(shaped) : shaped;
    }
  }

  public static Preprocessor fit(RawTable table, int[] trainRows, DataConfig config, List<DerivedColumn> derived) {
    DatasetSchema schema = table.schema();
    var fields = new ArrayList<Field>();
    int f = table.fieldCount();
    for (int field = 0; field < f; field++) {
      List<String> dictionary = table.dictionaries().get(field);
      int[] counts = new int[dictionary.size()];
      for (int row : trainRows) {
        int id = table.categoricalIds()[row * f + field];
        if (id >= 0) {
          counts[id]++;
        }
      }
      List<String> vocabulary =
          IntStream.range(0, counts.length).boxed()
              .filter(id -> counts[id] >= config.minCount())
              .sorted(Comparator.<Integer>comparingInt(id -> -counts[id]).thenComparing(dictionary::get))
              .map(dictionary::get)
              .toList();
      String name = schema.categorical().get(field);
      DerivedColumn derivedColumn = derived.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
      fields.add(derivedColumn == null
          ? new Field(name, vocabulary, name, null)
          : new Field(name, vocabulary, derivedColumn.source(), derivedColumn.derivation().name()));
    }
    var numeric = new ArrayList<NumericStat>();
    int n = table.numericCount();
    for (int column = 0; column < n; column++) {
      final int c = column;
      double[] values = IntStream.of(trainRows).mapToDouble(row -> table.numeric()[row * n + c]).toArray();
      numeric.add(new NumericStat(schema.numeric().get(column), mean(values), std(values)));
    }
    String transform = config.target().transform();
    Target shape = new Target(transform, config.target().clip(), 0, 1);
    double[] shaped = IntStream.of(trainRows).mapToDouble(row -> shape.forward(table.core()[row])).toArray();
    Target target =
        "none".equals(transform) ? shape : new Target(transform, config.target().clip(), mean(shaped), std(shaped));
    return new Preprocessor(schema.tasks(), schema.core(), fields, numeric, target);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  /** Population standard deviation; 1 where it is 0 so that a constant column stays finite. */
  private static double std(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    double std = values.length == 0 ? 0 : Math.sqrt(sum / values.length);
    return std > 0 ? std : 1;
  }

  /** Rows of each field start at this offset in the one embedding table. */
  public int[] fieldOffsets() {
    int[] offsets = new int[fields.size()];
    int at = 0;
    for (int i = 0; i < fields.size(); i++) {
      offsets[i] = at;
      at += fields.get(i).vocabularySize();
    }
    return offsets;
  }

  public int embeddingRows() {
    return fields.stream().mapToInt(Field::vocabularySize).sum();
  }

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }

  /** Encodes the given rows of {@code table}; values this vocabulary lacks get id 0 (OOV). */
  public EncodedSplit encode(RawTable table, int[] rows) {
    int f = fields.size();
    int n = numeric.size();
    int k = tasks.size();
    int[] offsets = fieldOffsets();
    int[][] remap = new int[f][];
    for (int field = 0; field < f; field++) {
      Map<String, Integer> ids = new HashMap<>();
      List<String> values = fields.get(field).values();
      for (int i = 0; i < values.size(); i++) {
        ids.put(values.get(i), i + 1);
      }
      List<String> dictionary = table.dictionaries().get(field);
      remap[field] = dictionary.stream().mapToInt(v -> ids.getOrDefault(v, 0)).toArray();
    }
    int[] encodedIds = new int[rows.length * f];
    float[] encodedNumeric = new float[rows.length * n];
    float[] encodedLabels = new float[rows.length * k];
    float[] target = new float[rows.length];
    double[] coreRaw = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      int row = rows[r];
      for (int field = 0; field < f; field++) {
        int id = table.categoricalIds()[row * f + field];
        encodedIds[r * f + field] = offsets[field] + (id < 0 ? 0 : remap[field][id]);
      }
      for (int c = 0; c < n; c++) {
        NumericStat stat = numeric.get(c);
        encodedNumeric[r * n + c] = (float) ((table.numeric()[row * n + c] - stat.mean()) / stat.std());
      }
      System.arraycopy(table.labels(), row * k, encodedLabels, r * k, k);
      coreRaw[r] = table.core()[row];
      target[r] = (float) this.target.forward(coreRaw[r]);
    }
    return new EncodedSplit(rows.length, encodedIds, encodedNumeric, encodedLabels, target, coreRaw);
  }
}
