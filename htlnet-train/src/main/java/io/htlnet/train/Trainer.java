package io.htlnet.train;

import io.htlnet.config.HtlnetConfig;
import io.htlnet.data.EncodedSplit;
import io.htlnet.data.PreparedData;
import io.htlnet.data.Preprocessor;
import io.htlnet.model.GraphSpec;
import io.htlnet.model.ModelSession;
import io.htlnet.model.ServingSpec;
import io.htlnet.model.TrainingGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Trains a model on prepared data: seeded shuffling each epoch, one session call per batch,
 * validation after each epoch, early stopping, and the best epoch's weights restored at the end.
 */
public final class Trainer {
  private final HtlnetConfig config;

  public Trainer(HtlnetConfig config) {
    this.config = config;
  }

  /** A trained model (best weights loaded) and how training went. */
  public record Trained(ModelSession session, List<EpochRecord> epochs, int bestEpoch, List<ModelSession.StepResult> steps) {}

  public static GraphSpec graphSpec(HtlnetConfig config, Preprocessor preprocessor) {
    Preprocessor.Target target = preprocessor.target();
    var chain = new java.util.ArrayList<>(preprocessor.tasks());
    chain.add(preprocessor.core());
    ServingSpec serving = new ServingSpec(
        preprocessor.fields().stream().map(f -> new ServingSpec.Field(f.name(), f.source(), f.derivation(), f.values())).toList(),
        preprocessor.numeric().stream().map(n -> new ServingSpec.Numeric(n.name(), n.mean(), n.std())).toList(),
        chain, config.serve().score());
    return new GraphSpec(
        preprocessor.fieldOffsets(), preprocessor.embeddingRows(), preprocessor.numeric().size(),
        preprocessor.tasks().size(), "log1p_zscore".equals(target.transform()), target.mean(), target.std(), config, serving);
  }

  /**
   * @param checkpoint where to keep the best epoch's variables while training
   * @param keepSteps whether to keep every step's losses and gradient diagnostics (for plots)
   */
  public Trained train(PreparedData data, Path checkpoint, boolean keepSteps) {
    Preprocessor preprocessor = data.preprocessor();
    EncodedSplit train = data.train();
    int fields = preprocessor.fields().size();
    int numeric = preprocessor.numeric().size();
    int tasks = preprocessor.tasks().size();
    int batchSize = config.train().batchSize();
    EarlyStopping stopping = new EarlyStopping(config.train().earlyStopping().metric(), config.train().earlyStopping().patience(), preprocessor);
    ModelSession session = new ModelSession(new TrainingGraph(graphSpec(config, preprocessor)));
    try {
      SplittableRandom random = new SplittableRandom(config.seed());
      int[] order = new int[train.rows()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      var assembler = new BatchAssembler(train, fields, numeric, tasks, batchSize);
      var epochs = new ArrayList<EpochRecord>();
      var steps = new ArrayList<ModelSession.StepResult>();
      long step = 0;
      for (int epoch = 1; epoch <= config.train().epochs(); epoch++) {
        shuffle(order, random);
        double[] lossSum = new double[tasks + 1];
        double[] normSum = new double[tasks + 1];
        double[] cosineSum = new double[tasks];
        int batches = 0;
        long batchNanos = 0;
        long sessionNanos = 0;
        long timedSamples = 0;
        try (ProgressBar bar = progress("epoch " + epoch + "/" + config.train().epochs(), train.rows())) {
          for (int start = 0; start < train.rows(); start += batchSize) {
            long t0 = System.nanoTime();
            int rows = assembler.fill(order, start);
            long t1 = System.nanoTime();
            ModelSession.StepResult result = assembler.step(session, rows, step, (float) config.model().gumbel().tauAt(step));
            // The very first step also optimises and allocates the graph: not a training speed.
            if (step > 0) {
              sessionNanos += System.nanoTime() - t1;
              batchNanos += t1 - t0;
              timedSamples += rows;
            }
            step++;
            batches++;
            add(lossSum, result.losses());
            add(normSum, result.sharedGradientNorms());
            add(cosineSum, result.coreCosines());
            if (keepSteps) {
              steps.add(result);
            }
            if (bar != null) {
              bar.stepBy(rows);
              bar.setExtraMessage(String.format(" loss %.4f", sum(result.losses())));
            }
          }
        }
        var validation = Evaluator.evaluate(session, data.validation(), preprocessor, config.train().evalBatchSize());
        epochs.add(new EpochRecord(epoch, divide(lossSum, batches), divide(normSum, batches), divide(cosineSum, batches),
            validation, batchNanos / 1e9, sessionNanos / 1e9, timedSamples));
        if (stopping.record(epoch, validation)) {
          session.saveCheckpoint(checkpoint);
        }
        if (config.train().progress()) {
          System.err.printf("epoch %d: validation %s = %.5f (best epoch %d)%n",
              epoch, stopping.describe(), stopping.valueOf(validation), stopping.bestEpoch());
        }
        if (stopping.shouldStop(epoch)) {
          break;
        }
      }
      session.restoreCheckpoint(checkpoint);
      return new Trained(session, List.copyOf(epochs), stopping.bestEpoch(), steps);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private ProgressBar progress(String name, long samples) {
    if (!config.train().progress()) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(samples)
        .setUnit(" samples", 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  private static void add(double[] sum, float[] values) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += values[i];
    }
  }

  private static double sum(float[] values) {
    double s = 0;
    for (float v : values) {
      s += v;
    }
    return s;
  }

  private static double[] divide(double[] sum, int count) {
    double[] mean = new double[sum.length];
    for (int i = 0; i < sum.length; i++) {
      mean[i] = sum[i] / count;
    }
    return mean;
  }
}
