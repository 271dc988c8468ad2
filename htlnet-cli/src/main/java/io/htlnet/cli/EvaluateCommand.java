package io.htlnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.EncodedSplit;
import io.htlnet.data.Preprocessor;
import io.htlnet.data.RawTable;
import io.htlnet.model.SavedModelPredictor;
import io.htlnet.train.Evaluator;
import io.htlnet.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Score every row of a data file with a trained model (its SavedModel) and print the metrics.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "A run folder written by train or demo.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "PATH", description = "Data in the run's format.")
  String data;

  @Override
  public Integer call() {
    RunFolder run = new RunFolder(model);
    if (!Files.isRegularFile(run.resolve(RunFolder.CONFIG))) {
      throw new InputException(model + ": not a run folder (no " + RunFolder.CONFIG + ")");
    }
    JsonNode tree = run.readConfig();
    ((ObjectNode) tree.get("data")).put("path", data);
    HtlnetConfig config = ConfigLoader.bind(tree);
    Preprocessor preprocessor = run.readPreprocessor();
    RawTable table = DatasetLoader.read(config.data(), config.seed());
    EncodedSplit rows = preprocessor.encode(table, IntStream.range(0, table.rows()).toArray());
    try (var predictor = new SavedModelPredictor(run.resolve(RunFolder.MODEL), preprocessor.fields().size(), preprocessor.numeric().size())) {
      var metrics = Evaluator.evaluate(predictor, rows, preprocessor, config.train().evalBatchSize());
      System.out.print(MetricsTable.format("Metrics on " + data + " (" + rows.rows() + " rows)", metrics));
    }
    var accounting = table.accounting();
    System.out.printf("rows read %d, used %d, skipped %s%n", accounting.rowsRead(), accounting.rowsUsed(), accounting.rowsSkipped());
    return 0;
  }
}
