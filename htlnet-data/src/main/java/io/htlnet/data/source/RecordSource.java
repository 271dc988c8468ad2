package io.htlnet.data.source;

import java.util.List;

/** A stream of records under a header; records are read once, in order. */
public interface RecordSource extends AutoCloseable {
  /** What to call this source in messages: a file path, or the generator and its seed. */
  String name();

  List<String> header();

  /** The next record, or null at the end. */
  SourceRecord next();

  @Override
  void close();
}
