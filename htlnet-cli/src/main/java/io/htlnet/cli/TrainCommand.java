package io.htlnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.train.TrainingRun;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model and write its run folder.")
final class TrainCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/<time>).")
  Path out;

  @Override
  public Integer call() {
    return train(options.resolve(), out == null ? defaultOut("train") : out);
  }

  static Path defaultOut(String kind) {
    return Path.of("runs", kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  @SuppressWarnings("unchecked")
  static int train(ObjectNode tree, Path out) {
    HtlnetConfig config = ConfigLoader.bind(tree);
    TrainingRun.Outcome outcome = TrainingRun.run(tree, config, out);
    var test = (Map<String, Map<String, Double>>) outcome.metrics().get("test");
    var train = (Map<String, Object>) outcome.metrics().get("train");
    var data = (Map<String, Object>) outcome.metrics().get("data");
    System.out.print(MetricsTable.format("Test metrics (" + outcome.folder().directory + ")", test));
    System.out.printf("trained %s epochs (best %s) on %s rows at %.0f samples/s; rows read %s, used %s, skipped %s%n",
        train.get("epochs"), train.get("best_epoch"), train.get("rows"), (Double) train.get("samples_per_second"),
        data.get("rows_read"), data.get("rows_used"), data.get("rows_skipped"));
    return 0;
  }
}
