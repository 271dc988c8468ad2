package io.htlnet.model;

import io.htlnet.config.HtlnetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** A session over a {@link TrainingGraph}: one {@code Session.run} per training step or prediction batch. */
public final class ModelSession implements Predictor {
  /** The raw-input signature, the one TF Serving and the scorer use. */
  public static final String SIGNATURE = "serving_default";
  /** The encoded-input signature: ids and standardised numeric values, as evaluation feeds them. */
  public static final String ENCODED = "encoded";
  private static final String INIT_OP = "__saved_model_init_op";
  private static final String PREDICT = "tensorflow/serving/predict";

  private final TrainingGraph graph;
  private final Session session;
  private final long seed;
  private final int fields;
  private final int numeric;
  private final int tasks;

  public ModelSession(TrainingGraph graph) {
    this.graph = graph;
    HtlnetConfig config = graph.spec.config();
    this.session = new Session(graph.graph, threads(config.train().threads().intraOp(), config.train().threads().interOp()));
    this.session.initialize();
    this.seed = config.seed();
    this.fields = graph.spec.fields();
    this.numeric = graph.spec.numericFeatures();
    this.tasks = graph.spec.classificationTasks();
  }

  /** The engine threads for loaded models: intra-op 1, inter-op 2 (measured fastest on 2 cores). */
  public static ConfigProto servingThreads() {
    return threads(1, 2);
  }

  static ConfigProto threads(int intraOp, int interOp) {
    return ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp).setInterOpParallelismThreads(interOp).build();
  }

  public Session session() {
    return session;
  }

  /**
   * Per task (chain order, core last): loss, the norm of its gradient on the shared rows, and the
   * norm of what it contributes to the shared update after the gradient method; per
   * classification task, the cosine of its shared gradient with the core's.
   */
  public record StepResult(float[] losses, float[] sharedGradientNorms, float[] appliedGradientNorms, float[] coreCosines) {}

  /** One training step on {@code rows} rows; the Gumbel noise is seeded by (run seed, step). */
  public StepResult trainStep(int rows, int[] ids, float[] numericValues, float[] labels, float[] target, long step, float tau) {
    return trainStep(rows, ids, numericValues, labels, target, step, tau, null);
  }

  /** A training step that also records how long each op ran into {@code trace}. */
  public StepResult trainStep(
      int rows, int[] ids, float[] numericValues, float[] labels, float[] target, long step, float tau, StepTrace trace) {
    var inputs = new ArrayList<Tensor>();
    try {
      Session.Runner runner = session.runner();
      feed(runner, inputs, rows, ids, numericValues);
      runner.feed(graph.labels, track(inputs, Tensors.floats(labels, rows * tasks, rows, tasks)));
      runner.feed(graph.target, track(inputs, Tensors.floats(target, rows, rows)));
      runner.feed(graph.noiseSeed, track(inputs, TInt64.vectorOf(seed, step)));
      runner.feed(graph.tau, track(inputs, TFloat32.scalarOf(tau)));
      runner.addTarget(graph.trainStep).fetch(graph.losses).fetch(graph.sharedGradientNorms)
          .fetch(graph.appliedGradientNorms).fetch(graph.coreCosines);
      if (trace != null) {
        runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
      }
      try (Result result = trace == null ? runner.run() : runner.runAndFetchMetadata()) {
        if (trace != null) {
          trace.add(result.getMetadata().orElseThrow().getStepStats());
        }
        return new StepResult(Tensors.toArray(result.get(0)), Tensors.toArray(result.get(1)),
            Tensors.toArray(result.get(2)), Tensors.toArray(result.get(3)));
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  @Override
  public Predictions predict(int rows, int[] ids, float[] numericValues) {
    var inputs = new ArrayList<Tensor>();
    try {
      Session.Runner runner = session.runner();
      feed(runner, inputs, rows, ids, numericValues);
      runner.fetch(graph.probabilities).fetch(graph.core);
      try (Result result = runner.run()) {
        return new Predictions(Tensors.toArray(result.get(0)), Tensors.toArray(result.get(1)));
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  private void feed(Session.Runner runner, List<Tensor> inputs, int rows, int[] ids, float[] numericValues) {
    runner.feed(graph.ids, track(inputs, Tensors.ints(ids, rows * fields, rows, fields)));
    if (numeric > 0) {
      runner.feed(graph.numeric, track(inputs, Tensors.floats(numericValues, rows * numeric, rows, numeric)));
    }
  }

  private static <T extends Tensor> T track(List<Tensor> inputs, T tensor) {
    inputs.add(tensor);
    return tensor;
  }

  /** Saves every variable (optimiser moments and step included) under {@code prefix}. */
  public void saveCheckpoint(Path prefix) {
    session.save(prefix.toString());
  }

  public void restoreCheckpoint(Path prefix) {
    session.restore(prefix.toString());
  }

  /**
   * Exports a SavedModel (tag {@code serve}). Signature {@value #ENCODED} takes encoded {@code ids}
   * (and standardised {@code numeric}) and returns {@code probabilities} and {@code core}; with a
   * serving spec, {@value #SIGNATURE} takes the raw columns and returns each task's prediction by
   * name and {@code score}, and {@code __saved_model_init_op} initialises its vocabulary tables.
   */
  public void exportSavedModel(Path directory) {
    var functions = new ArrayList<SessionFunction>();
    Signature.Builder encoded = Signature.builder(ENCODED).methodName(PREDICT).input("ids", graph.ids);
    if (numeric > 0) {
      encoded.input("numeric", graph.numeric);
    }
    functions.add(SessionFunction.create(encoded.output("probabilities", graph.probabilities).output("core", graph.core).build(), session));
    if (graph.serving != null) {
      Signature.Builder raw = Signature.builder(SIGNATURE).methodName(PREDICT);
      graph.serving.stringInputs.forEach(raw::input);
      graph.serving.numericInputs.forEach(raw::input);
      graph.serving.outputs.forEach(raw::output);
      functions.add(SessionFunction.create(raw.build(), session));
      functions.add(SessionFunction.create(
          Signature.builder(INIT_OP).output(INIT_OP, graph.serving.tablesInitialized).build(), session));
    }
    try {
      SavedModelBundle.exporter(directory.toString())
          .withTags(SavedModelBundle.DEFAULT_TAG)
          .withFunctions(functions.toArray(SessionFunction[]::new))
          .export();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.graph.close();
  }
}
