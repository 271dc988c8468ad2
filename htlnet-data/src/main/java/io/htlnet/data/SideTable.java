package io.htlnet.data;

import io.htlnet.config.DataConfig.JoinConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.source.CsvRecordSource;
import io.htlnet.data.source.SourceRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small table joined onto each row by a key column (e.g. KuaiRand's user features by
 * {@code user_id}). Its columns become categorical values; a row whose key has no match gets the
 * out-of-vocabulary id for them.
 */
public final class SideTable {
  private final String key;
  private final List<String> columns;
  private final Map<String, String[]> byKey = new HashMap<>();

  public SideTable(JoinConfig join, char delimiter) {
    if (join.path() == null || join.key() == null || join.columns() == null || join.columns().isEmpty()) {
      throw new InputException("config key 'data.joins': each join needs path, key and columns");
    }
    this.key = join.key();
    this.columns = List.copyOf(join.columns());
    try (var source = new CsvRecordSource(Path.of(join.path()), delimiter)) {
      List<String> header = source.header();
      int keyIndex = indexOf(header, key, source.name());
      int[] indexes = columns.stream().mapToInt(c -> indexOf(header, c, source.name())).toArray();
      for (SourceRecord row = source.next(); row != null; row = source.next()) {
        if (row.fields().length != header.size()) {
          throw new InputException(
              source.name() + ":" + row.line() + ":" + (Math.min(row.fields().length, header.size()) + 1)
                  + ": row has " + row.fields().length + " fields, the header has " + header.size());
        }
        String[] values = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
          values[i] = row.fields()[indexes[i]].trim();
        }
        if (byKey.putIfAbsent(row.fields()[keyIndex].trim(), values) != null) {
          throw new InputException(
              source.name() + ":" + row.line() + ":" + (keyIndex + 1) + ": column '" + key
                  + "': key '" + row.fields()[keyIndex].trim() + "' appears twice");
        }
      }
    }
  }

  private static int indexOf(List<String> header, String column, String source) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new InputException(source + ":1: column '" + column + "' named in data.joins is not in the header " + header);
    }
    return i;
  }

  public String key() {
    return key;
  }

  public List<String> columns() {
    return columns;
  }

  /** The joined values for a key, or null when the key has no row here. */
  public String[] lookup(String keyValue) {
    return byKey.get(keyValue);
  }
}
