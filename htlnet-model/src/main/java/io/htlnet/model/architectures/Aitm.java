package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.Dense;
import io.htlnet.model.layers.InformationFusionUnit;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * AITM (Xi et al. 2021): each task's tower output q_t attends over itself and the information
 * transferred from the task before, {@code p_{t−1} = Dense(q_{t−1})}, with the same self-attention
 * form as the IFU; the calibrator loss {@code α·mean(max(p̂_t − p̂_{t−1}, 0))} keeps the chain's
 * probabilities decreasing and is added to task t's loss.
 */
public final class Aitm implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    int tasks = classificationTasks + 1;
    TaskTowers towers = new TaskTowers(ctx, tasks, inputWidth, config.tower());
    int width = towers.representationWidth;
    var transfers = new ArrayList<Dense>();
    var attention = new ArrayList<InformationFusionUnit>();
    for (int t = 1; t < tasks; t++) {
      transfers.add(new Dense(ctx.scoped("task" + t).scoped("transfer"), width, width));
      attention.add(new InformationFusionUnit(ctx.scoped("task" + t).scoped("ait"), 2, width, width, true));
    }
    Ops tf = ctx.tf;
    float alpha = (float) config.calibratorWeight();
    return (inputs, gumbel, tau) -> {
      var logits = new ArrayList<Operand<TFloat32>>();
      var auxiliary = new ArrayList<Operand<TFloat32>>(Collections.nCopies(tasks, null));
      Operand<TFloat32> previous = null;
      for (int t = 0; t < tasks; t++) {
        Operand<TFloat32> q = towers.representation(t, inputs.get(0));
        Operand<TFloat32> fused = t == 0 ? q : attention.get(t - 1).apply(List.of(transfers.get(t - 1).apply(previous), q));
        logits.add(towers.logit(t, fused));
        previous = fused;
        if (t > 0 && t < tasks - 1) {
          Operand<TFloat32> excess = tf.nn.relu(tf.math.sub(tf.math.sigmoid(logits.get(t)), tf.math.sigmoid(logits.get(t - 1))));
          auxiliary.set(t, tf.math.mul(tf.constant(alpha), tf.math.mean(excess, tf.constant(0))));
        }
      }
      return new TaskOutputs(List.copyOf(logits.subList(0, tasks - 1)), logits.get(tasks - 1), auxiliary);
    };
  }
}
