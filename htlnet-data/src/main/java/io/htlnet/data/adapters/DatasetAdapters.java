package io.htlnet.data.adapters;

import io.htlnet.config.InputException;
import java.util.Map;
import java.util.function.Supplier;

/** The formats {@code data.format} may name. */
public final class DatasetAdapters {
  private static final Map<String, Supplier<DatasetAdapter>> FORMATS =
      Map.of(
          "synthetic", SyntheticAdapter::new,
          "kuairand", KuaiRandAdapter::new,
          "csv", CsvAdapter::new,
          "avs", AvsAdapter::new);

  private DatasetAdapters() {}

  public static DatasetAdapter forFormat(String format) {
    Supplier<DatasetAdapter> adapter = FORMATS.get(format);
    if (adapter == null) {
      throw new InputException("config key 'data.format': '" + format + "' is not one of " + FORMATS.keySet());
    }
    return adapter.get();
  }
}
