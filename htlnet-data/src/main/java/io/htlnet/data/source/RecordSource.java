package io.htlnet.data.source;

import java.util.List;

/** A stream of records under a header; records are read once, in order. */
public interface RecordSource extends AutoCloseable {
  /** What to call this source in messages: a file path, or the generator and its seed. */
  String name();

  List<String> header();

  /** The next record, or null at the end. */
  SourceRecord next();

  /** Rows the source itself read and could not turn into records, by reason (after the last record). */
  default java.util.Map<String, Long> droppedRows() {
    return java.util.Map.of();
  }

  @Override
  void close();
}
