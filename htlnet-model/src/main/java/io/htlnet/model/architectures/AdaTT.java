package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.ModelContext;

/**
 * AdaTT (Li et al. 2023): one fusion level where each task gates over every task's experts and
 * the shared ones, plus a learned linear combination of its own experts (the residual path).
 */
public final class AdaTT implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    int tasks = classificationTasks + 1;
    ExpertLevels body = new ExpertLevels(ctx.scoped("adatt"), tasks, inputWidth, config.experts(), 1, true);
    TaskTowers towers = new TaskTowers(ctx, tasks, body.outputWidth, config.tower());
    return (inputs, gumbel, tau) -> towers.outputs(body.apply(inputs.get(0)));
  }
}
