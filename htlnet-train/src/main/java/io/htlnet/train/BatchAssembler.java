package io.htlnet.train;

import io.htlnet.data.EncodedSplit;
import io.htlnet.model.ModelSession;
import io.htlnet.model.StepTrace;

/** Gathers the rows of one batch, in a given order, into reused arrays and runs the step on them. */
public final class BatchAssembler {
  private final EncodedSplit split;
  private final int fields;
  private final int numeric;
  private final int tasks;
  private final int batchSize;
  private final int[] ids;
  private final float[] values;
  private final float[] labels;
  private final float[] target;

  public BatchAssembler(EncodedSplit split, int fields, int numeric, int tasks, int batchSize) {
    this.split = split;
    this.fields = fields;
    this.numeric = numeric;
    this.tasks = tasks;
    this.batchSize = batchSize;
    this.ids = new int[batchSize * fields];
    this.values = new float[batchSize * numeric];
    this.labels = new float[batchSize * tasks];
    this.target = new float[batchSize];
  }

  /** Fills the batch starting at position {@code start} of {@code order}; returns its row count. */
  public int fill(int[] order, int start) {
    int rows = Math.min(batchSize, order.length - start);
    for (int r = 0; r < rows; r++) {
      int row = order[start + r];
      System.arraycopy(split.ids(), row * fields, ids, r * fields, fields);
      System.arraycopy(split.numeric(), row * numeric, values, r * numeric, numeric);
      System.arraycopy(split.labels(), row * tasks, labels, r * tasks, tasks);
      target[r] = split.target()[row];
    }
    return rows;
  }

  public ModelSession.StepResult step(ModelSession session, int rows, long step, float tau) {
    return step(session, rows, step, tau, null);
  }

  /** A step that also records its ops' run times into {@code trace} (null: no tracing). */
  public ModelSession.StepResult step(ModelSession session, int rows, long step, float tau, StepTrace trace) {
    return session.trainStep(rows, ids, values, labels, target, step, tau, trace);
  }
}
