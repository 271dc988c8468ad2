package io.htlnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.htlnet.config.HtlnetConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The gradients the training step uses, against central finite differences of the losses the
 * same graph computes, with the Gumbel noise fixed by its seed. Without stop-gradient every path
 * counts, so the whole backward pass (embeddings, towers, IFU, LEU, heads) must match; with it,
 * a task's own weights must get exactly its own loss's derivative.
 */
class TrainingGraphGradientTest {
  /** Two step sizes: where their differences disagree, a ReLU kink is within reach and the point is skipped. */
  private static final float H = 4e-3f;
  private static final float H_HALF = 2e-3f;
  private static final int ALL_TASKS = -1;

  private final TinyModel.Batch batch = TinyModel.Batch.of(5);
  private TrainingGraph graph;
  private Placeholder<TFloat32> value;
  private final Map<String, Assign<TFloat32>> assigns = new HashMap<>();
  private int compared;
  private int atKinks;

  /** Builds the graph and an assign op for each variable to perturb (before the session exists). */
  private ModelSession open(HtlnetConfig config, Iterable<Variable<TFloat32>> perturbed) {
    Ops tf = Ops.create(graph.graph);
    value = tf.placeholder(TFloat32.class);
    perturbed.forEach(v -> assigns.put(v.op().name(), tf.assign(v, value, Assign.validateShape(false))));
    return new ModelSession(graph);
  }

  private float[] fetch(ModelSession session, Operand<?> operand) {
    var tensors = new ArrayList<Tensor>();
    try (Result r = TinyModel.feed(session.session(), graph, batch, tensors).fetch(operand).run()) {
      return Tensors.toArray(r.get(0));
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  private int[] touchedRows(ModelSession session) {
    var tensors = new ArrayList<Tensor>();
    try (Result r = TinyModel.feed(session.session(), graph, batch, tensors).fetch(graph.touchedRows).run()) {
      TInt32 t = (TInt32) r.get(0);
      int[] out = new int[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  private float[] read(ModelSession session, Variable<TFloat32> variable) {
    try (Result r = session.session().runner().fetch(variable).run()) {
      return Tensors.toArray(r.get(0)); // copied at once: a fetched variable shares the live buffer
    }
  }

  private void write(ModelSession session, Variable<TFloat32> variable, float[] values) {
    try (TFloat32 t = Tensors.floats(values, values.length, variable.shape().asArray())) {
      session.session().runner().feed(value, t).addTarget(assigns.get(variable.op().name())).run();
    }
  }

  private double finiteDifference(ModelSession session, Variable<TFloat32> variable, int index, int task, float h) {
    float[] original = read(session, variable);
    float[] shifted = original.clone();
    shifted[index] = original[index] + h;
    write(session, variable, shifted);
    double plus = loss(fetch(session, graph.losses), task);
    shifted[index] = original[index] - h;
    write(session, variable, shifted);
    double minus = loss(fetch(session, graph.losses), task);
    write(session, variable, original);
    return (plus - minus) / (2 * h);
  }

  private static double loss(float[] losses, int task) {
    return task == ALL_TASKS ? losses[0] + losses[1] + losses[2] : losses[task];
  }

  private void check(ModelSession session, Variable<TFloat32> variable, int index, int task, double analytic, String what) {
    double coarse = finiteDifference(session, variable, index, task, H);
    double fine = finiteDifference(session, variable, index, task, H_HALF);
    if (Math.abs(coarse - fine) > 3e-4 + 1e-2 * Math.abs(fine)) {
      atKinks++;
      return;
    }
    compared++;
    assertThat(Math.abs(fine - analytic))
        .as("%s: finite difference %s, graph %s", what, fine, analytic)
        .isLessThanOrEqualTo(3e-4 + 1e-2 * Math.abs(analytic));
  }

  /** Checks entry 0 and the three largest entries of a dense variable's gradient. */
  private void checkDense(ModelSession session, String name, int task) {
    float[] g = fetch(session, graph.denseGradients.get(name));
    int[] picks = IntStream.concat(
            IntStream.of(0),
            IntStream.range(0, g.length).boxed().sorted(Comparator.comparingDouble(i -> -Math.abs(g[i]))).limit(3).mapToInt(i -> i))
        .distinct().toArray();
    assertThat(Math.abs(g[picks[1]])).as("%s has a non-zero gradient", name).isGreaterThan(1e-4f);
    for (int index : picks) {
      check(session, graph.denseVariables.get(name), index, task, g[index], name + "[" + index + "]");
    }
  }

  private void assertMostPointsCompared() {
    assertThat(compared).isGreaterThan(10);
    assertThat(atKinks).as("points next to a ReLU kink").isLessThanOrEqualTo(compared / 10);
  }

  @Test
  void withoutStopGradientTheWholeBackwardPassMatchesFiniteDifferences() {
    HtlnetConfig config = TinyModel.config("model.stop_gradient=false");
    graph = TinyModel.graph(config);
    var perturbed = new ArrayList<>(graph.denseVariables.values());
    perturbed.add(graph.embeddings);
    try (ModelSession session = open(config, perturbed)) {
      int[] rows = touchedRows(session);
      assertThat(rows).hasSize(9); // 12 ids, row 1 three times and row 5 twice: per-row sums
      for (int task = 0; task < 3; task++) {
        float[] g = fetch(session, graph.taskRowGradients.get(task));
        for (int u = 0; u < rows.length; u++) {
          for (int j = 0; j < 3; j++) {
            check(session, graph.embeddings, rows[u] * 3 + j, task, g[u * 3 + j], "task " + task + " row " + rows[u] + " dim " + j);
          }
        }
      }
      for (String name : new String[] {
          "model/task0/tower/dense0/w", "model/task1/tower/dense0/w", "model/task2/tower/dense1/b",
          "model/task2/ifu_rep/qkv/w", "model/task2/ifu_label/qkv/w", "model/task0/leu/label_embeddings",
          "model/task1/leu/label_embeddings", "model/task2/head/w"}) {
        checkDense(session, name, ALL_TASKS);
      }
      assertMostPointsCompared();
    }
  }

  @Test
  void withStopGradientEachTasksWeightsGetOnlyItsOwnLossDerivative() {
    HtlnetConfig config = TinyModel.config();
    graph = TinyModel.graph(config);
    var perturbed = new ArrayList<>(graph.denseVariables.values());
    perturbed.add(graph.embeddings);
    try (ModelSession session = open(config, perturbed)) {
      // Task 0 reads only the embeddings: its row gradient is the full derivative.
      int[] rows = touchedRows(session);
      float[] g = fetch(session, graph.taskRowGradients.get(0));
      for (int u = 0; u < rows.length; u++) {
        for (int j = 0; j < 3; j++) {
          check(session, graph.embeddings, rows[u] * 3 + j, 0, g[u * 3 + j], "task 0 row " + rows[u] + " dim " + j);
        }
      }
      // Tower weights also move the later tasks' losses, through the stopped hand-down: the
      // gradient the optimiser gets must be the own task's derivative alone.
      checkDense(session, "model/task0/tower/dense0/w", 0);
      checkDense(session, "model/task0/head/w", 0);
      checkDense(session, "model/task1/tower/dense1/w", 1);
      checkDense(session, "model/task2/tower/dense0/w", 2);
      checkDense(session, "model/task2/ifu_rep/qkv/w", 2);
      assertMostPointsCompared();
    }
  }
}
