package io.htlnet.model;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** A tiny HTLNet (2 fields, 1 numeric, 2 classification tasks) and a fixed batch, for graph tests. */
final class TinyModel {
  static final int[] OFFSETS = {0, 4};
  static final int ROWS = 9;
  static final int BATCH = 6;

  private TinyModel() {}

  static HtlnetConfig config(String... overrides) {
    var all = new ArrayList<>(List.of(
        "seed=3", "model.embedding_dim=3", "model.tower=[5, 4]", "model.label_embedding_dim=2",
        "model.attention_dim=3", "optimizer.learning_rate=0.01"));
    all.addAll(List.of(overrides));
    return ConfigLoader.load(null, all);
  }

  static TrainingGraph graph(HtlnetConfig config) {
    return new TrainingGraph(new GraphSpec(OFFSETS, ROWS, 1, 2, false, 0, 1, config, null));
  }

  /** A batch with repeated rows (row 1 three times, row 5 twice) so per-row sums are exercised. */
  record Batch(int[] ids, float[] numeric, float[] labels, float[] target) {
    static Batch of(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int[] ids = {1, 5, 1, 6, 2, 5, 0, 8, 3, 7, 1, 4};
      float[] numeric = new float[BATCH];
      float[] labels = new float[BATCH * 2];
      float[] target = new float[BATCH];
      for (int i = 0; i < BATCH; i++) {
        numeric[i] = (float) random.nextGaussian();
        labels[2 * i] = random.nextBoolean() ? 1 : 0;
        labels[2 * i + 1] = labels[2 * i] * (random.nextBoolean() ? 1 : 0);
        target[i] = (float) random.nextGaussian();
      }
      return new Batch(ids, numeric, labels, target);
    }
  }

  /** A runner with the batch fed and fixed noise (seed [11, 0]); the caller closes the returned tensors. */
  static Session.Runner feed(Session session, TrainingGraph graph, Batch batch, List<Tensor> toClose) {
    Session.Runner runner = session.runner();
    toClose.add(Tensors.ints(batch.ids(), BATCH * 2, BATCH, 2));
    toClose.add(Tensors.floats(batch.numeric(), BATCH, BATCH, 1));
    toClose.add(Tensors.floats(batch.labels(), BATCH * 2, BATCH, 2));
    toClose.add(Tensors.floats(batch.target(), BATCH, BATCH));
    toClose.add(TInt64.vectorOf(11, 0));
    toClose.add(TFloat32.scalarOf(1f));
    return runner.feed(graph.ids, toClose.get(toClose.size() - 6))
        .feed(graph.numeric, toClose.get(toClose.size() - 5))
        .feed(graph.labels, toClose.get(toClose.size() - 4))
        .feed(graph.target, toClose.get(toClose.size() - 3))
        .feed(graph.noiseSeed, toClose.get(toClose.size() - 2))
        .feed(graph.tau, toClose.get(toClose.size() - 1));
  }
}
