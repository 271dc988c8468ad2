package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.ModelContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Single-task DNNs: one tower per task on its own copy of the embeddings; nothing is shared. */
public final class SingleTask implements Architecture {
  @Override
  public int embeddingCopies(int tasks) {
    return tasks;
  }

  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    TaskTowers towers = new TaskTowers(ctx, classificationTasks + 1, inputWidth, config.tower());
    return (List<Operand<TFloat32>> inputs, List<Operand<TFloat32>> gumbel, Operand<TFloat32> tau) -> towers.outputs(inputs);
  }
}
