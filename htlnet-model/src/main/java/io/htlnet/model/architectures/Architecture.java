package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.ModelContext;

/**
 * A multi-task architecture: K chained classification heads and one regression head for the core
 * task, over the shared input {@code e}. Adding one is adding a file and a line in {@link Architectures}.
 */
public interface Architecture {
  /** Creates the network's variables; the network can then be applied any number of times. */
  TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config);

  /** A network whose variables exist; {@link #forward} builds ops that share them. */
  interface TaskNetwork {
    /**
     * @param input the shared input e [B, width]
     * @param gumbel per classification task, Gumbel noise [B, 2] for training; empty at inference
     * @param tau Gumbel-softmax temperature (scalar)
     */
    TaskOutputs forward(
        org.tensorflow.Operand<org.tensorflow.types.TFloat32> input,
        java.util.List<org.tensorflow.Operand<org.tensorflow.types.TFloat32>> gumbel,
        org.tensorflow.Operand<org.tensorflow.types.TFloat32> tau);
  }

  /** Logits [B] of the K classification tasks in chain order, and the core prediction [B] (transformed scale). */
  record TaskOutputs(
      java.util.List<org.tensorflow.Operand<org.tensorflow.types.TFloat32>> logits,
      org.tensorflow.Operand<org.tensorflow.types.TFloat32> core) {}
}
