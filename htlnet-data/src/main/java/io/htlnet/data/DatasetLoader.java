package io.htlnet.data;

import io.htlnet.config.DataConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.adapters.CsvAdapter;
import io.htlnet.data.adapters.DatasetAdapter;
import io.htlnet.data.adapters.DatasetAdapters;
import java.util.ArrayList;
import java.util.List;

/** Reads a dataset as the config describes it, with the adapter's defaults for what it leaves out. */
public final class DatasetLoader {
  private DatasetLoader() {}

  /** The schema: the config's column roles, the adapter's where the config says null, joined columns added. */
  public static DatasetSchema schema(DataConfig config) {
    DatasetAdapter adapter = DatasetAdapters.forFormat(config.format());
    DatasetSchema defaults = adapter.defaultSchema();
    var categorical = new ArrayList<>(pick(config.categorical(), defaults == null ? null : defaults.categorical(), "data.categorical"));
    for (var join : config.joins()) {
      if (join.columns() != null) {
        join.columns().stream().filter(c -> !categorical.contains(c)).forEach(categorical::add);
      }
    }
    return new DatasetSchema(
        categorical,
        pick(config.numeric(), defaults == null ? List.of() : defaults.numeric(), "data.numeric"),
        pick(config.time(), defaults == null ? null : defaults.time(), "data.time"),
        pick(config.tasks(), defaults == null ? null : defaults.tasks(), "data.tasks"),
        pick(config.core(), defaults == null ? null : defaults.core(), "data.core"));
  }

  private static <T> T pick(T configured, T fallback, String key) {
    T value = configured != null ? configured : fallback;
    if (value == null) {
      throw new InputException("config key '" + key + "' must be set for this data format");
    }
    return value;
  }

  /** Streams the whole dataset into a {@link RawTable}. */
  public static RawTable read(DataConfig config, long seed) {
    DatasetAdapter adapter = DatasetAdapters.forFormat(config.format());
    DatasetSchema schema = schema(config);
    char delimiter = CsvAdapter.delimiter(config);
    List<SideTable> joins = config.joins().stream().map(j -> new SideTable(j, delimiter)).toList();
    var reader =
        new TableReader(
            adapter.open(config, seed), schema, adapter.derivedColumns(), joins,
            config.skipBadRows(), "log1p_zscore".equals(config.target().transform()));
    return reader.read();
  }

  public static String fingerprint(DataConfig config, long seed) {
    return DatasetAdapters.forFormat(config.format()).fingerprint(config, seed);
  }

  /** Reads, splits by time, fits the preprocessor on the training split and encodes all three splits. */
  public static PreparedData prepare(DataConfig config, long seed) {
    RawTable table = read(config, seed);
    if (table.rows() == 0) {
      throw new InputException(table.source() + ": no usable rows (read " + table.accounting().rowsRead()
          + ", skipped " + table.accounting().rowsSkipped() + ")");
    }
    ChronologicalSplit split = ChronologicalSplit.of(table.time(), table.rows(), config.split().get(0), config.split().get(1));
    if (split.train().length == 0 || split.validation().length == 0 || split.test().length == 0) {
      throw new InputException(table.source() + ": " + table.rows() + " usable rows are too few to split "
          + config.split() + " into non-empty train, validation and test sets");
    }
    Preprocessor preprocessor = Preprocessor.fit(table, split.train(), config, DatasetAdapters.forFormat(config.format()).derivedColumns());
    return new PreparedData(
        preprocessor,
        preprocessor.encode(table, split.train()),
        preprocessor.encode(table, split.validation()),
        preprocessor.encode(table, split.test()),
        table.accounting(),
        fingerprint(config, seed));
  }
}
