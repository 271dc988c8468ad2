package io.htlnet.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.DatasetSchema;
import io.htlnet.data.PreparedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole training run, from config to a filled run folder. */
public final class TrainingRun {
  private TrainingRun() {}

  /** The run folder and the content of its metrics.json. */
  public record Outcome(RunFolder folder, Map<String, Object> metrics, List<String> taskChain) {}

  public static Outcome run(JsonNode resolved, HtlnetConfig config, Path out) {
    RunFolder folder = RunFolder.create(out);
    PreparedData data = DatasetLoader.prepare(config.data(), config.seed());
    Map<String, Object> provenance = Provenance.of(config.seed(), data.fingerprint());
    folder.writeConfig(resolved, provenance);
    folder.writeJson(RunFolder.PREPROCESSOR, data.preprocessor());
    Path checkpoints = folder.resolve(".checkpoint");
    long start = System.nanoTime();
    Trainer.Trained trained = new Trainer(config).train(data, checkpoints.resolve("best"), true);
    double seconds = (System.nanoTime() - start) / 1e9;
    try (var session = trained.session()) {
      var test = Evaluator.evaluate(session, data.test(), data.preprocessor(), config.train().evalBatchSize());
      AtomicFiles.write(folder.resolve(RunFolder.MODEL), tmp -> {
        session.exportSavedModel(tmp);
        folder.writeJson(tmp.resolve(RunFolder.SERVING), ServingDescription.of(data.preprocessor(), config.serve().score()));
      });
      EpochRecord best = trained.epochs().get(trained.bestEpoch() - 1);
      double trainingSeconds = trained.epochs().stream().mapToDouble(e -> e.batchSeconds() + e.sessionSeconds()).sum();
      long samples = trained.epochs().stream().mapToLong(EpochRecord::samples).sum();
      var train = new LinkedHashMap<String, Object>();
      train.put("rows", data.train().rows());
      train.put("validation_rows", data.validation().rows());
      train.put("test_rows", data.test().rows());
      train.put("epochs", trained.epochs().size());
      train.put("best_epoch", trained.bestEpoch());
      train.put("seconds", seconds);
      train.put("samples_per_second", samples / trainingSeconds);
      var metrics = new LinkedHashMap<String, Object>();
      metrics.put("test", test);
      metrics.put("validation", best.validation());
      metrics.put("train", train);
      metrics.put("data", data.accounting().toMap());
      DatasetSchema schema = DatasetLoader.schema(config.data());
      folder.writeJson(RunFolder.HISTORY, trained.epochs());
      StepLog.write(folder.resolve(RunFolder.STEPS), schema.taskChain(), trained.steps());
      TrainingPlots.write(folder.resolve(RunFolder.CURVES), schema.taskChain(), trained.epochs(), trained.steps());
      AtomicFiles.writeString(folder.resolve(RunFolder.REPORT), RunReport.markdown(
          "Run " + out.getFileName(), provenance, test, best.validation(), trained.epochs(), trained.bestEpoch(), schema.taskChain()));
      folder.writeJson(RunFolder.METRICS, metrics);
      return new Outcome(folder, metrics, schema.taskChain());
    } finally {
      AtomicFiles.deleteRecursively(checkpoints);
    }
  }
}
