package io.htlnet.data.source;

/** One row of a source and the line it started on (1-based, the header is line 1). */
public record SourceRecord(long line, String[] fields) {}
