package io.htlnet.cli;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.PreparedData;
import io.htlnet.model.ModelSession;
import io.htlnet.model.StepTrace;
import io.htlnet.model.TrainingGraph;
import io.htlnet.train.Trainer;
import io.htlnet.train.TrainingBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure training speed and where the time goes (reading, graph, batches, session).")
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: train.", defaultValue = "train")
  String what;

  @Mixin ConfigOptions options;

  @Option(names = "--steps", description = "Timed training steps after warm-up (default ${DEFAULT-VALUE}).", defaultValue = "300")
  int steps;

  @Option(names = "--warmup", description = "Untimed steps first (default ${DEFAULT-VALUE}).", defaultValue = "30")
  int warmup;

  @Option(names = "--profile", description = "Also trace 20 steps and print op time by part of the graph and by op type.")
  boolean profile;

  @Override
  public Integer call() {
    if (!"train".equals(what)) {
      throw new io.htlnet.config.InputException("bench: unknown target '" + what + "'; available: train");
    }
    HtlnetConfig config = ConfigLoader.bind(options.resolve());
    long t0 = System.nanoTime();
    PreparedData data = DatasetLoader.prepare(config.data(), config.seed());
    long t1 = System.nanoTime();
    TrainingGraph graph = new TrainingGraph(Trainer.graphSpec(config, data.preprocessor()));
    long t2 = System.nanoTime();
    try (ModelSession session = new ModelSession(graph)) {
      long t3 = System.nanoTime();
      StepTrace trace = profile ? new StepTrace() : null;
      var result = TrainingBenchmark.run(session, data, config, warmup, steps, 20, trace);
      int batch = config.train().batchSize();
      System.out.printf("data: %d rows read, %d train rows, %d fields, %d embedding rows%n",
          data.accounting().rowsRead(), data.train().rows(), data.preprocessor().fields().size(), data.preprocessor().embeddingRows());
      System.out.printf("read + split + encode: %.2f s%n", (t1 - t0) / 1e9);
      System.out.printf("graph build: %.2f s, session + init: %.2f s%n", (t2 - t1) / 1e9, (t3 - t2) / 1e9);
      System.out.printf("model: %s, gradients: %s (%s), batch %d, threads intra %d / inter %d%n",
          config.model().architecture(), config.gradients().method(), config.gradients().scope(), batch,
          config.train().threads().intraOp(), config.train().threads().interOp());
      System.out.printf("step: %.3f ms median, %.3f ms mean (%d steps after %d warm-up)%n",
          result.medianStepMillis(), result.meanStepMillis(), steps, warmup);
      System.out.printf("  of which batch assembly %.3f ms, session.run %.3f ms%n", result.meanBatchMillis(), result.meanSessionMillis());
      System.out.printf("training throughput: %.0f samples/s%n", batch * 1000.0 / result.meanStepMillis());
      if (trace != null) {
        System.out.println("op CPU time per step (ops overlap on the inter-op threads), by part of the graph:");
        trace.byPart().entrySet().stream().limit(12).forEach(e -> System.out.printf("  %-28s %8.3f ms%n", e.getKey(), e.getValue() / 1000));
        System.out.println("by op type:");
        trace.byOpType().entrySet().stream().limit(12).forEach(e -> System.out.printf("  %-28s %8.3f ms%n", e.getKey(), e.getValue() / 1000));
      }
    }
    return 0;
  }
}
