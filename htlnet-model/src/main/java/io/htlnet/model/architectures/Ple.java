package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.ModelContext;

/** PLE (Tang et al. 2020): {@code model.experts.levels} stacked CGC levels of task and shared experts. */
public final class Ple implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    int tasks = classificationTasks + 1;
    ExpertLevels body = new ExpertLevels(ctx.scoped("ple"), tasks, inputWidth, config.experts(), config.experts().levels(), false);
    TaskTowers towers = new TaskTowers(ctx, tasks, body.outputWidth, config.tower());
    return (inputs, gumbel, tau) -> towers.outputs(body.apply(inputs.get(0)));
  }
}
