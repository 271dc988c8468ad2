package io.htlnet.data.adapters;

import io.htlnet.config.DataConfig;
import io.htlnet.data.DatasetSchema;
import io.htlnet.data.DerivedColumn;
import io.htlnet.data.source.RecordSource;
import java.util.List;

/** One dataset format: how to open its rows, what it derives, and its default column roles. */
public interface DatasetAdapter {
  /** Column roles used where the config leaves them null; null where the format has none. */
  DatasetSchema defaultSchema();

  /** Columns computed from the source's own columns, available to the schema by name. */
  default List<DerivedColumn> derivedColumns() {
    return List.of();
  }

  RecordSource open(DataConfig config, long seed);

  /** Identifies the exact data read (a content hash, or the generator's parameters). */
  String fingerprint(DataConfig config, long seed);
}
