package io.htlnet.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.PreparedData;
import io.htlnet.train.metrics.RegressionMetrics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On synthetic data with a known signal, a trained HTLNet clearly beats a constant predictor. */
class LearningTest {
  @TempDir Path dir;

  @Test
  void htlnetBeatsAConstantPredictorOnEveryTask() {
    HtlnetConfig config = ConfigLoader.load(null, List.of(
        "data.synthetic.rows=40000", "train.epochs=4", "train.batch_size=512", "train.progress=false"));
    PreparedData data = DatasetLoader.prepare(config.data(), config.seed());
    Trainer.Trained trained = new Trainer(config).train(data, dir.resolve("best"), false);
    Map<String, Map<String, Double>> test;
    try (var session = trained.session()) {
      test = Evaluator.evaluate(session, data.test(), data.preprocessor(), 4096);
    }
    // A constant predictor: AUC 0.5 on both tasks; the training mean as the core prediction.
    double trainMean = Arrays.stream(data.train().coreRaw()).average().orElseThrow();
    double[] constant = new double[data.test().rows()];
    Arrays.fill(constant, trainMean);
    double constantNrmse = RegressionMetrics.nrmse(constant, data.test().coreRaw());
    assertThat(constantNrmse).isGreaterThanOrEqualTo(1.0);
    assertThat(test.get("click").get("auc")).isGreaterThan(0.58);
    assertThat(test.get("long_view").get("auc")).isGreaterThan(0.58);
    assertThat(test.get("watch_time").get("nrmse")).isLessThan(0.97 * constantNrmse);
    assertThat(test.get("watch_time").get("gini")).isGreaterThan(0.3);
    assertThat(test.get("watch_time").get("xauc")).isGreaterThan(0.58);
  }
}
