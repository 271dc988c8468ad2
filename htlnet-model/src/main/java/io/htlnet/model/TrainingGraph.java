package io.htlnet.model;

import io.htlnet.config.HtlnetConfig;
import io.htlnet.model.architectures.Architecture;
import io.htlnet.model.architectures.Architectures;
import io.htlnet.model.gradients.GradientMethod;
import io.htlnet.model.gradients.GradientMethods;
import io.htlnet.model.gradients.RowGroups;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unique;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The one graph of a model: inputs, the shared embedding table, the architecture's forward pass
 * (once with Gumbel noise for training, once without for inference), the losses, each task's
 * gradient on the embedding rows a batch touched (duplicates summed per row), the gradient
 * method, and Adam, all run by a single session call per training step.
 *
 * <p>Two races are designed out (see TFJAVA-NOTES): every dense update waits for all gradients,
 * which read the weights it changes; Adam's bias correction reads the step, assigned last.
 */
public final class TrainingGraph {
  public final Graph graph;
  public final GraphSpec spec;

  // Inputs.
  public final Placeholder<TInt32> ids;
  public final Placeholder<TFloat32> numeric;
  public final Placeholder<TFloat32> labels;
  public final Placeholder<TFloat32> target;
  public final Placeholder<TInt64> noiseSeed;
  public final Placeholder<TFloat32> tau;

  // Training outputs.
  public final Operand<TFloat32> losses;
  public final Operand<TFloat32> sharedGradientNorms;
  /** Per task, the norm of what it contributes to the shared update after the gradient method. */
  public final Operand<TFloat32> appliedGradientNorms;
  public final Operand<TFloat32> coreCosines;
  public final Op trainStep;

  // Inference outputs.
  public final Operand<TFloat32> probabilities;
  public final Operand<TFloat32> core;
  /** The raw-input serving path; null when the spec has none. */
  final ServingGraph serving;

  // Exposed for gradient tests.
  public final Variable<TFloat32> embeddings;
  public final Operand<TInt32> touchedRows;
  public final List<Operand<TFloat32>> taskRowGradients;
  public final Operand<TFloat32> sharedGradient;
  public final Map<String, Variable<TFloat32>> denseVariables;
  public final Map<String, Operand<TFloat32>> denseGradients;
  public final Variable<TFloat32> step;

  public TrainingGraph(GraphSpec spec) {
    this.spec = spec;
    this.graph = new Graph();
    HtlnetConfig config = spec.config();
    Ops tf = Ops.create(graph);
    ModelContext ctx = new ModelContext(tf, config.seed());
    int fields = spec.fields();
    int dim = config.model().embeddingDim();
    int k = spec.classificationTasks();

    ids = tf.withName("ids").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, fields)));
    numeric = tf.withName("numeric").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.numericFeatures())));
    labels = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, k)));
    target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    noiseSeed = tf.withName("noise_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    tau = tf.withName("tau").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

    Architecture architecture = Architectures.forName(config.model().architecture());
    int copies = architecture.embeddingCopies(k + 1);
    embeddings = ctx.stateVariable("embeddings", ctx.uniform(0.05, spec.embeddingRows(), (long) dim * copies));
    Operand<TFloat32> gathered = tf.gather(embeddings, ids, tf.constant(0));
    List<Operand<TFloat32>> inputs = embedded(tf, gathered, numeric, copies);
    int inputWidth = fields * dim + spec.numericFeatures();
    Architecture.TaskNetwork network = architecture.create(ctx.scoped("model"), inputWidth, k, config.model());

    Operand<TInt32> batch = tf.slice(tf.shape(ids), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Architecture.TaskOutputs train = network.forward(inputs, gumbelNoise(tf, k, batch), tau);
    List<Operand<TFloat32>> taskLosses = taskLosses(tf, train, k);
    losses = tf.withName("losses").stack(taskLosses);

    // One backward pass per task, for the gathered embeddings and the dense variables its loss
    // reaches; a dense variable's gradient is the sum over the tasks that reach it (with
    // stop-gradient, its own task alone), i.e. the gradient of the summed loss.
    Unique<TInt32, TInt32> unique = tf.unique(tf.reshape(ids, tf.constant(new int[] {-1})), tf.constant(new int[] {0}));
    touchedRows = unique.y();
    Operand<TInt32> rowCount = tf.size(touchedRows);
    List<Variable<TFloat32>> dense = ctx.denseVariables();
    var contributions = new LinkedHashMap<Variable<TFloat32>, List<Operand<TFloat32>>>();
    dense.forEach(v -> contributions.put(v, new ArrayList<>()));
    var rowGradients = new ArrayList<Operand<TFloat32>>();
    for (int t = 0; t <= k; t++) {
      Set<String> ancestors =
          graph.subgraphTo(Set.of(taskLosses.get(t))).stream().map(op -> op.name()).collect(Collectors.toSet());
      List<Variable<TFloat32>> reachable = dense.stream().filter(v -> ancestors.contains(v.op().name())).toList();
      var xs = new ArrayList<Operand<?>>();
      xs.add(gathered);
      xs.addAll(reachable);
      Gradients gradients = tf.withSubScope("grad_task" + t).gradients(taskLosses.get(t), xs);
      Operand<TFloat32> g = gradients.dy(0);
      rowGradients.add(tf.math.unsortedSegmentSum(tf.reshape(g, tf.constant(new long[] {-1, (long) dim * copies})), unique.idx(), rowCount));
      for (int i = 0; i < reachable.size(); i++) {
        Output<TFloat32> dv = gradients.dy(i + 1);
        if (!dv.isClosed()) { // closed: the only path runs through a stop-gradient
          contributions.get(reachable.get(i)).add(dv);
        }
      }
    }
    taskRowGradients = List.copyOf(rowGradients);
    Operand<TFloat32> coreGradient = rowGradients.get(k);
    List<Operand<TFloat32>> classificationGradients = rowGradients.subList(0, k);

    RowGroups whole = new RowGroups(tf.zerosLike(touchedRows), 1);
    RowGroups groups = config.gradients().perTable() ? perField(tf, touchedRows, spec.fieldOffsets()) : whole;
    GradientMethod.Combined combined =
        GradientMethods.forConfig(config.gradients()).combine(ctx.scoped("gradient_method"), classificationGradients, coreGradient, groups);
    sharedGradient = combined.gradient(tf);

    // Diagnostics over the whole shared gradient, before the method: norms and cosine with the core.
    var norms = new ArrayList<Operand<TFloat32>>();
    var cosines = new ArrayList<Operand<TFloat32>>();
    Operand<TFloat32> coreNorm = whole.norm(tf, coreGradient);
    for (int t = 0; t <= k; t++) {
      Operand<TFloat32> norm = whole.norm(tf, rowGradients.get(t));
      norms.add(norm);
      if (t < k) {
        cosines.add(tf.math.divNoNan(whole.dot(tf, rowGradients.get(t), coreGradient), tf.math.mul(norm, coreNorm)));
      }
    }
    sharedGradientNorms = tf.withName("shared_gradient_norms").concat(norms, tf.constant(0));
    appliedGradientNorms = tf.withName("applied_gradient_norms")
        .concat(combined.contributions().stream().map(c -> whole.norm(tf, c)).toList(), tf.constant(0));
    coreCosines = k == 0 ? tf.constant(new float[0]) : tf.withName("core_cosines").concat(cosines, tf.constant(0));

    // The optimiser waits for every gradient (they read the weights it changes) before any update.
    step = ctx.stateVariable("step", tf.withInitScope().constant(0f));
    var gate = new ArrayList<org.tensorflow.Operation>();
    rowGradients.forEach(g -> gate.add(g.op()));
    var variableMap = new LinkedHashMap<String, Variable<TFloat32>>();
    var gradientMap = new LinkedHashMap<String, Operand<TFloat32>>();
    for (Variable<TFloat32> variable : dense) {
      List<Operand<TFloat32>> parts = contributions.get(variable);
      if (parts.isEmpty()) {
        throw new IllegalStateException("no task's loss reaches " + variable.op().name() + ": it would never train");
      }
      Operand<TFloat32> g = parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
      parts.forEach(part -> gate.add(part.op()));
      variableMap.put(variable.op().name(), variable);
      gradientMap.put(variable.op().name(), g);
    }
    denseVariables = Map.copyOf(variableMap);
    denseGradients = Map.copyOf(gradientMap);
    Adam adam = new Adam(ctx, config.optimizer(), step);
    Ops gated = tf.withControlDependencyOps(gate);
    var updates = new ArrayList<Op>();
    for (int i = 0; i < dense.size(); i++) {
      updates.add(adam.dense(gated, dense.get(i), gradientMap.get(dense.get(i).op().name()), "v" + i));
    }
    updates.add(adam.sparse(embeddings, touchedRows, sharedGradient));
    updates.addAll(combined.stateUpdates());
    trainStep = tf.withControlDependencies(updates).withName("train_step").assignAdd(step, tf.constant(1f));

    // Inference: label embeddings from [1 − p, p], predictions on the raw scale.
    List<Operand<TFloat32>> predictions = predict(tf, network, inputs, batch);
    probabilities = tf.withName("probabilities").identity(predictions.get(0));
    core = tf.withName("core").identity(predictions.get(1));
    serving =
        spec.serving() == null
            ? null
            : new ServingGraph(tf, spec.serving(), spec.fieldOffsets(), (encoded, standardised) -> predict(
                tf, network, embedded(tf, tf.gather(embeddings, encoded, tf.constant(0)), standardised, copies),
                tf.slice(tf.shape(encoded), tf.constant(new int[] {0}), tf.constant(new int[] {1}))));
  }

  /** Gumbel noise [B, 2] per classification task, from stateless uniforms seeded by {@link #noiseSeed}. */
  private List<Operand<TFloat32>> gumbelNoise(Ops tf, int k, Operand<TInt32> batch) {
    Operand<TInt32> noiseShape = tf.concat(List.of(tf.constant(new int[] {k}), batch, tf.constant(new int[] {2})), tf.constant(0));
    Operand<TFloat32> uniform =
        tf.clipByValue(tf.random.statelessRandomUniform(noiseShape, noiseSeed), tf.constant(1e-7f), tf.constant(1 - 1e-7f));
    Operand<TFloat32> noise = tf.math.neg(tf.math.log(tf.math.neg(tf.math.log(uniform))));
    var gumbel = new ArrayList<Operand<TFloat32>>();
    for (int t = 0; t < k; t++) {
      gumbel.add(tf.gather(noise, tf.constant(t), tf.constant(0)));
    }
    return gumbel;
  }

  /** Per task: binary cross-entropy (classification) or squared error (core), plus any auxiliary loss. */
  private List<Operand<TFloat32>> taskLosses(Ops tf, Architecture.TaskOutputs train, int k) {
    var taskLosses = new ArrayList<Operand<TFloat32>>();
    for (int t = 0; t < k; t++) {
      Operand<TFloat32> z = train.logits().get(t);
      Operand<TFloat32> y = tf.gather(labels, tf.constant(t), tf.constant(1));
      // max(z, 0) − z·y + log(1 + e^−|z|): stable for any logit.
      Operand<TFloat32> perRow =
          tf.math.add(tf.math.sub(tf.nn.relu(z), tf.math.mul(z, y)), tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(z)))));
      taskLosses.add(tf.math.mean(perRow, tf.constant(0)));
    }
    taskLosses.add(tf.math.mean(tf.math.squaredDifference(train.core(), target), tf.constant(0)));
    for (int t = 0; t <= k; t++) {
      Operand<TFloat32> auxiliary = train.auxiliaryLosses().get(t);
      if (auxiliary != null) {
        taskLosses.set(t, tf.math.add(taskLosses.get(t), auxiliary));
      }
    }
    return taskLosses;
  }

  /** The architecture's inputs from gathered embeddings [B, F, d·copies] and numeric values [B, N]: one [B, F·d + N] per copy. */
  private List<Operand<TFloat32>> embedded(Ops tf, Operand<TFloat32> gathered, Operand<TFloat32> numericValues, int copies) {
    int dim = spec.config().model().embeddingDim();
    var inputs = new ArrayList<Operand<TFloat32>>();
    for (int c = 0; c < copies; c++) {
      Operand<TFloat32> copy =
          copies == 1 ? gathered : tf.slice(gathered, tf.constant(new int[] {0, 0, c * dim}), tf.constant(new int[] {-1, -1, dim}));
      Operand<TFloat32> input = tf.reshape(copy, tf.constant(new long[] {-1, (long) spec.fields() * dim}));
      inputs.add(spec.numericFeatures() > 0 ? tf.concat(List.of(input, numericValues), tf.constant(1)) : input);
    }
    return inputs;
  }

  /** Inference: classification probabilities [B, K] and the core on the raw scale [B]. */
  private List<Operand<TFloat32>> predict(Ops tf, Architecture.TaskNetwork network, List<Operand<TFloat32>> inputs, Operand<TInt32> batch) {
    Architecture.TaskOutputs inference = network.forward(inputs, List.of(), tf.constant(1f));
    int k = spec.classificationTasks();
    Operand<TFloat32> probabilities =
        k == 0
            ? tf.zeros(tf.concat(List.of(batch, tf.constant(new int[] {0})), tf.constant(0)), TFloat32.class)
            : tf.math.sigmoid(tf.stack(inference.logits(), Stack.axis(1L)));
    Operand<TFloat32> shaped =
        tf.math.add(tf.math.mul(inference.core(), tf.constant((float) spec.targetStd())), tf.constant((float) spec.targetMean()));
    return List.of(probabilities, spec.log1pTarget() ? tf.math.expm1(shaped) : shaped);
  }

  /** Groups rows by field: a row's field is the number of field offsets at or below it, minus one. */
  private static RowGroups perField(Ops tf, Operand<TInt32> rows, int[] offsets) {
    Operand<TInt32> atOrAbove =
        tf.dtypes.cast(
            tf.math.greaterEqual(tf.expandDims(rows, tf.constant(1)), tf.expandDims(tf.constant(offsets), tf.constant(0))),
            TInt32.class);
    return new RowGroups(tf.math.sub(tf.reduceSum(atOrAbove, tf.constant(1)), tf.constant(1)), offsets.length);
  }
}
