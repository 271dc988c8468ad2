package io.htlnet.data.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.htlnet.config.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Streams a delimited text file with a header line through FastCSV. */
public final class CsvRecordSource implements RecordSource {
  private final Path path;
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> rows;
  private final List<String> header;

  public CsvRecordSource(Path path, char delimiter) {
    this.path = path;
    if (!Files.isRegularFile(path)) {
      throw new InputException(path + ": no such file");
    }
    try {
      reader =
          CsvReader.builder()
              .fieldSeparator(delimiter)
              .ignoreDifferentFieldCount(true) // counted per row by the reader, with its line
              .skipEmptyLines(true)
              .ofCsvRecord(path);
    } catch (NoSuchFileException e) {
      throw new InputException(path + ": no such file");
    } catch (IOException e) {
      throw new InputException(path + ": cannot read: " + e.getMessage());
    }
    rows = reader.iterator();
    if (!hasNext()) {
      close();
      throw new InputException(path + ": the file is empty; expected a header line");
    }
    header = rows.next().getFields().stream().map(String::trim).toList();
  }

  private boolean hasNext() {
    try {
      return rows.hasNext();
    } catch (CsvParseException e) {
      throw new InputException(path + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new InputException(path + ": cannot read: " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      return null;
    }
    CsvRecord row = rows.next();
    return new SourceRecord(row.getStartingLineNumber(), row.getFields().toArray(String[]::new));
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
