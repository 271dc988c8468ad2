package io.htlnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.PreparedData;
import io.htlnet.model.SavedModelPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder holds what it promises, and its SavedModel scores exactly as training evaluated. */
class TrainingRunTest {
  @TempDir Path dir;

  @Test
  void writesTheRunFolderAndTheSavedModelReproducesTheTestMetrics() throws Exception {
    ObjectNode tree = ConfigLoader.resolve(null, List.of(
        "data.synthetic.rows=12000", "train.epochs=2", "train.progress=false", "seed=9"));
    HtlnetConfig config = ConfigLoader.bind(tree);
    Path out = dir.resolve("run");
    TrainingRun.run(tree, config, out);

    assertThat(out.resolve("config.resolved.yaml")).isRegularFile();
    assertThat(out.resolve("training_curves.png")).isRegularFile();
    assertThat(out.resolve("history.json")).isRegularFile();
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Test metrics").contains("| watch_time |").contains("training_curves.png");
    assertThat(out.resolve("model/saved_model.pb")).isRegularFile();
    assertThat(out.resolve(".checkpoint")).doesNotExist();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp-"));
    }
    JsonNode resolved = ConfigLoader.YAML.readTree(out.resolve("config.resolved.yaml").toFile());
    assertThat(resolved.at("/provenance/seed").asLong()).isEqualTo(9);
    assertThat(resolved.at("/provenance/data_fingerprint").asText()).startsWith("synthetic:rows=12000");
    assertThat(resolved.at("/provenance/git_commit").asText()).isNotEmpty();

    JsonNode metrics = RunFolder.JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.at("/test/click/auc").isNumber()).isTrue();
    assertThat(metrics.at("/test/long_view/logloss").isNumber()).isTrue();
    for (String m : List.of("nrmse", "nmae", "gini", "spearman", "xauc")) {
      assertThat(metrics.at("/test/watch_time/" + m).isNumber()).as(m).isTrue();
      assertThat(metrics.at("/validation/watch_time/" + m).isNumber()).as(m).isTrue();
    }
    assertThat(metrics.at("/train/rows").asInt()).isEqualTo(9600);
    assertThat(metrics.at("/train/epochs").asInt()).isEqualTo(2);
    assertThat(metrics.at("/train/samples_per_second").asDouble()).isPositive();
    assertThat(metrics.at("/data/rows_read").asInt()).isEqualTo(12000);
    assertThat(metrics.at("/data/rows_used").asInt()).isEqualTo(12000);

    // The exported SavedModel, loaded fresh, gives the same test metrics as the training session.
    PreparedData data = DatasetLoader.prepare(config.data(), config.seed());
    RunFolder folder = new RunFolder(out);
    try (var predictor = new SavedModelPredictor(folder.resolve("model"), 5, 1)) {
      var test = Evaluator.evaluate(predictor, data.test(), folder.readPreprocessor(), 1000);
      assertThat(test.get("click").get("auc")).isEqualTo(metrics.at("/test/click/auc").asDouble());
      assertThat(test.get("watch_time").get("nrmse")).isEqualTo(metrics.at("/test/watch_time/nrmse").asDouble());
    }

    assertThatThrownBy(() -> TrainingRun.run(tree, config, out))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("already holds a run");
  }
}
