package io.htlnet.model.gradients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.htlnet.model.layers.ModelContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Each gradient method against cases worked out by hand. */
class GradientMethodsTest {

  private static float[] run(GradientMethod method, float[][] core, List<float[][]> tasks, int[] groupOfRow, int groupCount) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      session.initialize();
      List<Operand<TFloat32>> classification = tasks.stream().map(t -> (Operand<TFloat32>) tf.constant(t)).toList();
      RowGroups groups = new RowGroups(tf.constant(groupOfRow), groupCount);
      Operand<TFloat32> combined = method.combine(new ModelContext(tf, 0), classification, tf.constant(core), groups).gradient(tf);
      try (Result result = session.runner().fetch(combined).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] out = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }

  @Test
  void projectsAConflictingGradientAndRescalesItTowardsTheCoreNorm() {
    // G_c = (1, 0); G_1 = (−2, 4) conflicts (dot −2): projected to (0, 4), norm 4;
    // ratio ‖G_c‖/‖G_1‖ = 0.25, scale 0.5·0.25 + 0.5 = 0.625 → (0, 2.5).
    // G_2 = (3, 0) agrees: not projected; ratio 1/3, scale 2/3 → (2, 0). Sum: (1 + 0 + 2, 0 + 2.5 + 0).
    float[] g = run(new HtlNetRegime(0.5, 10), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{-2, 4}}, new float[][] {{3, 0}}), new int[] {0}, 1);
    assertThat(g).containsExactly(new float[] {3f, 2.5f}, within(1e-6f));
  }

  @Test
  void capsTheMagnificationOfATinyGradientAtC() {
    // ‖G_c‖/‖G_1‖ = 100, capped at C = 10: scale 0.5·10 + 0.5 = 5.5 → (0.055, 0).
    float[] g = run(new HtlNetRegime(0.5, 10), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{0.01f, 0}}), new int[] {0}, 1);
    assertThat(g).containsExactly(new float[] {1.055f, 0f}, within(1e-6f));
  }

  @Test
  void perTableGroupsDecideEachTableOnItsOwn() {
    // Row 0 (table 0): G_c = (1, 0), G_1 = (−1, 0): conflict, projected to 0 → row stays (1, 0).
    // Row 1 (table 1): G_c = (0, 2), G_1 = (0, 1): agree; ratio 2, scale 1.5 → (0, 1.5) + (0, 2).
    float[][] core = {{1, 0}, {0, 2}};
    float[][] task = {{-1, 0}, {0, 1}};
    float[] perTable = run(new HtlNetRegime(0.5, 10), core, List.<float[][]>of(task), new int[] {0, 1}, 2);
    assertThat(perTable).containsExactly(new float[] {1f, 0f, 0f, 3.5f}, within(1e-6f));
    // As one group the dot product is −1 + 2 = 1 > 0: no projection; ratio √5/√2.
    float[] global = run(new HtlNetRegime(0.5, 10), core, List.<float[][]>of(task), new int[] {0, 0}, 1);
    double scale = 0.5 * Math.sqrt(5) / Math.sqrt(2) + 0.5;
    assertThat(global).containsExactly(new float[] {(float) (1 - scale), 0f, 0f, (float) (2 + scale)}, within(1e-5f));
  }

  @Test
  void gammaZeroLeavesTheProjectedGradientsUnscaled() {
    float[] g = run(new HtlNetRegime(0, 10), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{-2, 4}}), new int[] {0}, 1);
    assertThat(g).containsExactly(new float[] {1f, 4f}, within(1e-6f));
  }

  @Test
  void sumAddsTheGradientsUnchanged() {
    float[] g = run(new SumGradients(), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{-2, 4}}, new float[][] {{3, 0}}), new int[] {0}, 1);
    assertThat(g).containsExactly(new float[] {2f, 4f}, within(1e-6f));
  }

  @Test
  void pcGradProjectsEachTaskAwayFromTheTasksItConflictsWith() {
    // G_1 = (−2, 4), G_c = (1, 0), dot −2. G_1 on G_c's normal plane: (−2, 4) + 2·(1, 0) = (0, 4).
    // G_c on G_1's: (1, 0) − (−2/20)·(−2, 4) = (0.8, 0.4). Sum (0.8, 4.4).
    float[] g = run(new PcGrad(), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{-2, 4}}), new int[] {0}, 1);
    assertThat(g).containsExactly(new float[] {0.8f, 4.4f}, within(1e-6f));
    // Agreeing gradients are summed untouched.
    float[] agree = run(new PcGrad(), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{3, 1}}), new int[] {0}, 1);
    assertThat(agree).containsExactly(new float[] {4f, 1f}, within(1e-6f));
  }

  @Test
  void metaBalanceScalesClassificationGradientsTowardsTheCoresMagnitude() {
    // First step: both averages are 0.1·norm, so the ratio is ‖G_c‖/‖G_1‖ = 1/√20;
    // scale 0.7/√20 + 0.3; directions untouched even though they conflict.
    float[] g = run(new MetaBalance(0.7, 0.9), new float[][] {{1, 0}}, List.<float[][]>of(new float[][] {{-2, 4}}), new int[] {0}, 1);
    double scale = 0.7 / Math.sqrt(20) + 0.3;
    assertThat(g).containsExactly(new float[] {(float) (1 - 2 * scale), (float) (4 * scale)}, within(1e-6f));
  }
}
