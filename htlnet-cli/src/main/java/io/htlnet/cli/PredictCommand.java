package io.htlnet.cli;

import io.htlnet.serve.BatchPredict;
import io.htlnet.serve.Scorer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Score a CSV of raw rows with a trained model; writes every input column plus the model's outputs.")
final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "A run folder (or its model/ SavedModel).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "IN.csv")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "OUT.csv")
  Path out;

  @Option(names = "--batch-size", defaultValue = "4096", description = "Rows per session call (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--delimiter", defaultValue = ",")
  char delimiter;

  @Option(names = "--skip-bad-rows", description = "Count and leave out rows the model cannot take, instead of stopping.")
  boolean skipBadRows;

  @Override
  public Integer call() {
    try (Scorer scorer = Scorer.load(model)) {
      BatchPredict.Accounting a = BatchPredict.run(scorer, in, out, delimiter, batchSize, skipBadRows, true);
      System.out.printf("wrote %s: rows read %d, written %d, skipped %s%n", out, a.rowsRead(), a.rowsWritten(), a.rowsSkipped());
    }
    return 0;
  }
}
