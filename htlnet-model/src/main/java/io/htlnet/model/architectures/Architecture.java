package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.ModelContext;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A multi-task architecture: K chained classification heads and one regression head for the core
 * task, over the embedded input. Adding one is adding a file and a line in {@link Architectures}.
 */
public interface Architecture {
  /**
   * How many copies of the embeddings the network reads: 1 (shared by all tasks, the default) or
   * one per task (private embeddings, as separate single-task models have).
   */
  default int embeddingCopies(int tasks) {
    return 1;
  }

  /** Creates the network's variables; the network can then be applied any number of times. */
  TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config);

  /** A network whose variables exist; {@link #forward} builds ops that share them. */
  interface TaskNetwork {
    /**
     * @param inputs the embedded input [B, width], one per embedding copy
     * @param gumbel per classification task, Gumbel noise [B, 2] for training; empty at inference
     * @param tau Gumbel-softmax temperature (scalar)
     */
    TaskOutputs forward(List<Operand<TFloat32>> inputs, List<Operand<TFloat32>> gumbel, Operand<TFloat32> tau);
  }

  /**
   * Logits [B] of the K classification tasks in chain order, the core prediction [B] (transformed
   * scale), and per task (chain order, core last) an auxiliary loss added to that task's loss, or null.
   */
  record TaskOutputs(List<Operand<TFloat32>> logits, Operand<TFloat32> core, List<Operand<TFloat32>> auxiliaryLosses) {
    public TaskOutputs(List<Operand<TFloat32>> logits, Operand<TFloat32> core) {
      this(logits, core, Collections.nCopies(logits.size() + 1, null));
    }
  }
}
