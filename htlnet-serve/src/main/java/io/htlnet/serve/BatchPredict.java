package io.htlnet.serve;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.htlnet.config.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Scores a CSV file in batches, streaming: every input column is copied to the output, followed
 * by each of the model's outputs ({@value #PREFIX}NAME). A row whose field count differs from the header's, or whose
 * feature value the model cannot take, stops the run with its line (or, when skipping, is counted
 * and left out). The output appears atomically when done.
 */
public final class BatchPredict {
  /** Output columns are the model's outputs with this prefix, so they never clash with label columns. */
  public static final String PREFIX = "pred_";

  private BatchPredict() {}

  /** Rows read, written, and skipped by reason. */
  public record Accounting(long rowsRead, long rowsWritten, Map<String, Long> rowsSkipped) {}

  public static Accounting run(Scorer scorer, Path in, Path out, char delimiter, int batchSize, boolean skipBadRows, boolean progress) {
    Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    long read = 0;
    long written = 0;
    var skipped = new LinkedHashMap<String, Long>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ignoreDifferentFieldCount(true).skipEmptyLines(true).ofCsvRecord(in);
         CsvWriter writer = CsvWriter.builder().fieldSeparator(delimiter).build(tmp);
         ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("predict").setUnit(" rows", 1).showSpeed()
             .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
      CloseableIterator<CsvRecord> rows = reader.iterator();
      if (!rows.hasNext()) {
        throw new InputException(in + ": the file is empty; expected a header line");
      }
      List<String> header = rows.next().getFields().stream().map(String::trim).toList();
      for (String input : scorer.inputs().keySet()) {
        if (!header.contains(input)) {
          throw new InputException(in + ":1: the model's input column '" + input + "' is not in the header " + header);
        }
      }
      var outHeader = new ArrayList<>(header);
      scorer.outputs().forEach(o -> outHeader.add(PREFIX + o));
      writer.writeRecord(outHeader);
      var batch = new ArrayList<CsvRecord>();
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        read++;
        if (row.getFieldCount() != header.size()) {
          String problem = in + ":" + row.getStartingLineNumber() + ": row has " + row.getFieldCount() + " fields, the header has " + header.size();
          if (!skipBadRows) {
            throw new InputException(problem);
          }
          skipped.merge("wrong_field_count", 1L, Long::sum);
          continue;
        }
        batch.add(row);
        if (batch.size() == batchSize) {
          written += flush(scorer, in, header, batch, writer, skipBadRows, skipped);
          if (bar != null) {
            bar.stepTo(read);
          }
        }
      }
      written += flush(scorer, in, header, batch, writer, skipBadRows, skipped);
      if (bar != null) {
        bar.stepTo(read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      tmp.toFile().delete();
    }
    return new Accounting(read, written, skipped);
  }

  /** Scores and writes a batch; a row the model rejects is re-scored alone to name it (or skip it). */
  private static long flush(Scorer scorer, Path in, List<String> header, List<CsvRecord> batch, CsvWriter writer,
      boolean skipBadRows, Map<String, Long> skipped) {
    if (batch.isEmpty()) {
      return 0;
    }
    List<Map<String, String>> candidates = batch.stream().map(r -> asMap(header, r)).toList();
    Scorer.Scores scores;
    try {
      scores = scorer.score(candidates);
    } catch (InputException e) {
      long written = 0;
      for (CsvRecord row : batch) {
        try {
          written += write(writer, row, scorer.score(List.of(asMap(header, row))), 0);
        } catch (InputException single) {
          if (!skipBadRows) {
            throw new InputException(in + ":" + row.getStartingLineNumber() + ": " + single.getMessage().lines().findFirst().orElse(""));
          }
          skipped.merge("rejected_by_model", 1L, Long::sum);
        }
      }
      batch.clear();
      return written;
    }
    long written = 0;
    for (int i = 0; i < batch.size(); i++) {
      written += write(writer, batch.get(i), scores, i);
    }
    batch.clear();
    return written;
  }

  private static long write(CsvWriter writer, CsvRecord row, Scorer.Scores scores, int i) {
    var out = new ArrayList<>(row.getFields());
    scores.outputs().values().forEach(values -> out.add(Float.toString(values[i])));
    writer.writeRecord(out);
    return 1;
  }

  private static Map<String, String> asMap(List<String> header, CsvRecord row) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < header.size(); i++) {
      map.put(header.get(i), row.getField(i).trim());
    }
    return map;
  }
}
