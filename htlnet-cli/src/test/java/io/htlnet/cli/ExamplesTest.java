package io.htlnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped configs load, train, and (KuaiRand, where its data is present) evaluate through the CLI. */
class ExamplesTest {
  /** The repository root: tests run in the module folder. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path KUAIRAND =
      Path.of(System.getProperty("htlnet.shared", ROOT.resolve("../shared").toString()))
          .resolve("data/kuairand-1k/log_random_4_22_to_5_08_1k.csv");

  @TempDir Path dir;

  @Test
  void bothExampleConfigsAreValid() {
    for (String name : List.of("synthetic.yaml", "kuairand.yaml", "avs.yaml")) {
      HtlnetConfig config = ConfigLoader.load(ROOT.resolve("examples").resolve(name), List.of());
      assertThat(config.model().architecture()).isEqualTo("htlnet");
    }
  }

  @Test
  void everyExperimentVariantResolvesToAValidConfig() throws Exception {
    try (var files = Files.list(ROOT.resolve("examples/experiments"))) {
      for (Path file : files.toList()) {
        var experiment = io.htlnet.experiment.ExperimentConfig.load(file);
        for (var variant : experiment.allVariants()) {
          var overrides = new java.util.ArrayList<>(experiment.set());
          overrides.addAll(variant.set());
          ConfigLoader.load(experiment.basePath(file), overrides);
        }
      }
    }
  }

  @Test
  void theAvsExampleTrainsOnAGeneratedFixture() throws Exception {
    Path transactions = dir.resolve("transactions.csv");
    Main.run(new PrintWriter(new StringWriter()), "generate", "avs", "--out", transactions.toString(), "--rows", "3000");
    Path out = dir.resolve("avs");
    int code = Main.run(new PrintWriter(new StringWriter()), "train", "--config", ROOT.resolve("examples/avs.yaml").toString(),
        "--data", transactions.toString(), "--set", "train.epochs=2", "--set", "train.progress=false", "--out", out.toString());
    assertThat(code).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.at("/data/rows_read").asInt()).isEqualTo(3000);
    assertThat(metrics.at("/test/repurchase_1m/auc").asDouble()).isGreaterThan(0.55);
  }

  @Test
  void theSyntheticExampleTrainsThroughTheCli() throws Exception {
    Path out = dir.resolve("synthetic");
    int code = Main.run(new PrintWriter(new StringWriter()), "train", "--config", ROOT.resolve("examples/synthetic.yaml").toString(),
        "--set", "data.synthetic.rows=20000", "--set", "train.epochs=2", "--set", "train.progress=false", "--out", out.toString());
    assertThat(code).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.at("/test/click/auc").asDouble()).isBetween(0.5, 1.0);
  }

  @Test
  void theKuaiRandExampleTrainsAndEvaluatesOnTheSharedLog() throws Exception {
    assumeTrue(Files.isRegularFile(KUAIRAND), "KuaiRand log not found at " + KUAIRAND + ": skipping (see README, Data)");
    Path out = dir.resolve("kuairand");
    int code = Main.run(new PrintWriter(new StringWriter()), "train", "--config", ROOT.resolve("examples/kuairand.yaml").toString(),
        "--data", KUAIRAND.toString(), "--set", "train.epochs=2", "--set", "train.progress=false", "--out", out.toString());
    assertThat(code).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.at("/data/rows_read").asInt()).isEqualTo(43028);
    assertThat(metrics.at("/data/rows_used").asInt()).isEqualTo(43028);
    assertThat(metrics.at("/test/is_click/auc").asDouble()).isGreaterThan(0.6);
    assertThat(metrics.at("/test/long_view/auc").asDouble()).isGreaterThan(0.6);
    assertThat(metrics.at("/test/play_time_ms/xauc").asDouble()).isGreaterThan(0.55);
    // evaluate loads the SavedModel and scores the whole file.
    int evaluated = Main.run(new PrintWriter(new StringWriter()), "evaluate", "--model", out.toString(), "--data", KUAIRAND.toString());
    assertThat(evaluated).isZero();
  }
}
