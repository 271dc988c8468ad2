package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.Experts;
import io.htlnet.model.layers.Gate;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** MMoE (Ma et al. 2018): experts shared by all tasks, one softmax gate per task mixing them. */
public final class Mmoe implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    int tasks = classificationTasks + 1;
    Experts experts = new Experts(ctx.scoped("experts"), config.experts().count(), inputWidth, config.experts().units());
    var gates = new ArrayList<Gate>();
    for (int t = 0; t < tasks; t++) {
      gates.add(new Gate(ctx.scoped("task" + t), inputWidth, experts.size()));
    }
    TaskTowers towers = new TaskTowers(ctx, tasks, experts.outputWidth, config.tower());
    return (inputs, gumbel, tau) -> {
      Operand<TFloat32> x = inputs.get(0);
      List<Operand<TFloat32>> outputs = experts.apply(x);
      return towers.outputs(gates.stream().map(g -> g.mix(x, outputs)).toList());
    };
  }
}
