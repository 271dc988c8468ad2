package io.htlnet.cli;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.PreparedData;
import io.htlnet.model.ModelSession;
import io.htlnet.model.StepTrace;
import io.htlnet.serve.ModelServer;
import io.htlnet.serve.Scorer;
import io.htlnet.serve.ServingBenchmark;
import java.nio.file.Path;
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
  @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: train or serve.", defaultValue = "train")
  String what;

  @Option(names = "--model", paramLabel = "DIR", description = "serve: the run folder to serve.")
  Path model;

  @Option(names = "--clients", defaultValue = "4", description = "serve: concurrent HTTP clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", defaultValue = "5", description = "serve: duration of the HTTP load (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--candidates", defaultValue = "50", description = "serve: candidates per HTTP request (default ${DEFAULT-VALUE}).")
  int candidates;

  @Mixin ConfigOptions options;

  @Option(names = "--steps", description = "Timed training steps after warm-up (default ${DEFAULT-VALUE}).", defaultValue = "300")
  int steps;

  @Option(names = "--warmup", description = "Untimed steps first (default ${DEFAULT-VALUE}).", defaultValue = "30")
  int warmup;

  @Option(names = "--profile", description = "Also trace 20 steps and print op time by part of the graph and by op type.")
  boolean profile;

  @Override
  public Integer call() throws Exception {
    if ("serve".equals(what)) {
      return serve();
    }
    if (!"train".equals(what)) {
      throw new io.htlnet.config.InputException("bench: unknown target '" + what + "'; available: train, serve");
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

  /**
   * Up to 1000 raw rows to score: from --data, else from the data the run was trained on (its
   * CSV, or the synthetic generator with the run's settings).
   */
  private java.util.List<java.util.Map<String, String>> candidates() throws java.io.IOException {
    var rows = new java.util.ArrayList<java.util.Map<String, String>>();
    var config = io.htlnet.config.ConfigLoader.bind(new io.htlnet.train.RunFolder(model).readConfig());
    String file = options.data != null ? options.data : config.data().path();
    if (options.data == null && "synthetic".equals(config.data().format())) {
      try (var source = new io.htlnet.data.source.SyntheticSource(config.data().synthetic(), config.seed())) {
        for (var r = source.next(); r != null && rows.size() < 1000; r = source.next()) {
          var row = new java.util.LinkedHashMap<String, String>();
          for (int i = 0; i < source.header().size(); i++) {
            row.put(source.header().get(i), r.fields()[i]);
          }
          rows.add(row);
        }
      }
      return rows;
    }
    if (file == null || "avs".equals(config.data().format()) && options.data == null) {
      throw new io.htlnet.config.InputException("bench serve: give --data, a CSV of the model's raw input columns");
    }
    try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(Path.of(file))) {
      for (var record : csv) {
        rows.add(record.getFieldsAsMap());
        if (rows.size() == 1000) {
          break;
        }
      }
    }
    return rows;
  }

  /** In-process latency for 1 and 200 candidates, then HTTP throughput on loopback. */
  private int serve() throws Exception {
    if (model == null) {
      throw new io.htlnet.config.InputException("bench serve needs --model RUN_DIR");
    }
    var rows = candidates();
    try (Scorer scorer = Scorer.load(model)) {
      System.out.printf("model %s, %d cores%n", scorer.directory(), Runtime.getRuntime().availableProcessors());
      for (int n : new int[] {1, 200}) {
        var latency = ServingBenchmark.inProcess(scorer, rows, n, n == 1 ? 2000 : 500);
        System.out.printf("in-process, %3d candidates: p50 %.3f ms, p99 %.3f ms (%d calls; %.0f candidates/s)%n",
            n, latency.p50(), latency.p99(), latency.calls(), latency.requestsPerSecond() * n);
      }
    }
    try (ModelServer server = new ModelServer(Scorer.load(model), "htlnet", ServeCommand.limits(model)).start("127.0.0.1", 0)) {
      var latency = ServingBenchmark.http(server.port(), "htlnet", rows, candidates, clients, seconds, 200_000);
      System.out.printf("HTTP on loopback, %d clients x %d candidates: %.0f requests/s (%.0f candidates/s), p50 %.2f ms, p99 %.2f ms (%d requests)%n",
          clients, candidates, latency.requestsPerSecond(), latency.requestsPerSecond() * candidates, latency.p50(), latency.p99(), latency.calls());
    }
    return 0;
  }
}
