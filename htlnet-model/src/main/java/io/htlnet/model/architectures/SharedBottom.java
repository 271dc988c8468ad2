package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.Mlp;
import io.htlnet.model.layers.ModelContext;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Shared-Bottom: one MLP ({@code model.bottom}) shared by all tasks, a tower per task on top. */
public final class SharedBottom implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    Mlp bottom = new Mlp(ctx.scoped("bottom"), inputWidth, config.bottom());
    TaskTowers towers = new TaskTowers(ctx, classificationTasks + 1, bottom.outputWidth, config.tower());
    return (inputs, gumbel, tau) -> towers.outputs(Collections.nCopies(classificationTasks + 1, bottom.apply(inputs.get(0))));
  }
}
