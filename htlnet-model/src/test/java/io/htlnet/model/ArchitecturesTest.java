package io.htlnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every architecture builds, predicts in the right shapes and ranges, and learns a fixed batch. */
class ArchitecturesTest {

  @ParameterizedTest
  @ValueSource(strings = {"htlnet", "single_task", "shared_bottom", "mmoe", "ple", "adatt", "esmm", "aitm"})
  void predictsEveryTaskAndFitsAFixedBatch(String architecture) {
    var config = TinyModel.config("model.architecture=" + architecture, "model.experts.units=[6]", "model.bottom=[7]");
    try (ModelSession session = new ModelSession(TinyModel.graph(config))) {
      TinyModel.Batch batch = TinyModel.Batch.of(3);
      Predictor.Predictions before = session.predict(TinyModel.BATCH, batch.ids(), batch.numeric());
      assertThat(before.probabilities()).hasSize(TinyModel.BATCH * 2);
      for (float p : before.probabilities()) {
        assertThat(p).isBetween(0f, 1f);
      }
      assertThat(before.core()).hasSize(TinyModel.BATCH);
      float first = 0;
      float last = 0;
      for (int step = 0; step < 60; step++) {
        float[] losses = session.trainStep(TinyModel.BATCH, batch.ids(), batch.numeric(), batch.labels(), batch.target(), step, 1f).losses();
        assertThat(losses).hasSize(3);
        float total = losses[0] + losses[1] + losses[2];
        assertThat(Float.isFinite(total)).isTrue();
        if (step == 0) {
          first = total;
        }
        last = total;
      }
      assertThat(last).as("%s: summed loss after 60 steps on one batch", architecture).isLessThan(0.7f * first);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"model.fusion=concat", "model.use_representations=false", "model.use_label_embeddings=false", "model.stop_gradient=false"})
  void everyHtlNetAblationBuildsAndLearns(String ablation) {
    try (ModelSession session = new ModelSession(TinyModel.graph(TinyModel.config(ablation)))) {
      TinyModel.Batch batch = TinyModel.Batch.of(2);
      float[] first = session.trainStep(TinyModel.BATCH, batch.ids(), batch.numeric(), batch.labels(), batch.target(), 0, 1f).losses();
      float[] later = first;
      for (int step = 1; step < 40; step++) {
        later = session.trainStep(TinyModel.BATCH, batch.ids(), batch.numeric(), batch.labels(), batch.target(), step, 1f).losses();
      }
      assertThat(later[0] + later[1] + later[2]).as(ablation).isLessThan(first[0] + first[1] + first[2]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sum", "htlnet", "pcgrad", "metabalance"})
  void everyGradientMethodTrainsEveryArchitecture(String method) {
    for (String architecture : List.of("shared_bottom", "esmm", "htlnet")) {
      var config = TinyModel.config("model.architecture=" + architecture, "gradients.method=" + method, "model.bottom=[7]");
      try (ModelSession session = new ModelSession(TinyModel.graph(config))) {
        TinyModel.Batch batch = TinyModel.Batch.of(2);
        float[] first = session.trainStep(TinyModel.BATCH, batch.ids(), batch.numeric(), batch.labels(), batch.target(), 0, 1f).losses();
        float[] later = first;
        for (int step = 1; step < 40; step++) {
          later = session.trainStep(TinyModel.BATCH, batch.ids(), batch.numeric(), batch.labels(), batch.target(), step, 1f).losses();
        }
        assertThat(later[0] + later[1] + later[2]).as(architecture + " + " + method).isLessThan(first[0] + first[1] + first[2]);
      }
    }
  }
}
