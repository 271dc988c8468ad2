package io.htlnet.model.architectures;

import io.htlnet.model.layers.Dense;
import io.htlnet.model.layers.Mlp;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/** One tower (MLP) and one scalar head per task, chain order, the core last. */
final class TaskTowers {
  private final ModelContext ctx;
  private final List<Mlp> towers = new ArrayList<>();
  private final List<Dense> heads = new ArrayList<>();
  final int representationWidth;

  TaskTowers(ModelContext ctx, int tasks, int inputWidth, List<Integer> hidden) {
    this.ctx = ctx;
    for (int t = 0; t < tasks; t++) {
      Mlp tower = new Mlp(ctx.scoped("task" + t).scoped("tower"), inputWidth, hidden);
      towers.add(tower);
      heads.add(new Dense(ctx.scoped("task" + t).scoped("head"), tower.outputWidth, 1));
    }
    this.representationWidth = towers.get(0).outputWidth;
  }

  Operand<TFloat32> representation(int task, Operand<TFloat32> input) {
    return towers.get(task).apply(input);
  }

  /** The head's scalar output [B]. */
  Operand<TFloat32> logit(int task, Operand<TFloat32> representation) {
    return ctx.tf.squeeze(heads.get(task).apply(representation), Squeeze.axis(List.of(1L)));
  }

  /** Each task's tower and head on its own input: classification logits, then the core. */
  Architecture.TaskOutputs outputs(List<Operand<TFloat32>> inputs) {
    var logits = new ArrayList<Operand<TFloat32>>();
    for (int t = 0; t < inputs.size(); t++) {
      logits.add(logit(t, representation(t, inputs.get(t))));
    }
    return new Architecture.TaskOutputs(logits.subList(0, logits.size() - 1), logits.get(logits.size() - 1));
  }
}
