package io.htlnet.train;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.htlnet.config.InputException;
import io.htlnet.model.ModelSession;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code steps.csv}: every training step's loss, shared-gradient norm and applied (after the
 * gradient method) norm per task, and each
 * classification task's cosine with the core gradient (the data of the paper's Figure 5).
 */
public final class StepLog {
  private StepLog() {}

  static void write(Path file, List<String> taskChain, List<ModelSession.StepResult> steps) {
    var text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().build(text)) {
      var header = new ArrayList<String>(List.of("step"));
      taskChain.forEach(t -> header.add("loss_" + t));
      taskChain.forEach(t -> header.add("norm_" + t));
      taskChain.forEach(t -> header.add("applied_norm_" + t));
      taskChain.subList(0, taskChain.size() - 1).forEach(t -> header.add("cosine_" + t));
      csv.writeRecord(header);
      for (int s = 0; s < steps.size(); s++) {
        var row = new ArrayList<String>(List.of(Integer.toString(s)));
        ModelSession.StepResult step = steps.get(s);
        for (float v : step.losses()) {
          row.add(Float.toString(v));
        }
        for (float v : step.sharedGradientNorms()) {
          row.add(Float.toString(v));
        }
        for (float v : step.appliedGradientNorms()) {
          row.add(Float.toString(v));
        }
        for (float v : step.coreCosines()) {
          row.add(Float.toString(v));
        }
        csv.writeRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(file, text.toString());
  }

  /** One column of a steps.csv, e.g. {@code norm_is_click}. */
  public static double[] column(Path file, String name) {
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
      var values = new ArrayList<Double>();
      for (NamedCsvRecord row : csv) {
        values.add(Double.parseDouble(row.getField(name)));
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage());
    } catch (java.util.NoSuchElementException e) {
      throw new InputException(file + ": no column '" + name + "'");
    }
  }
}
