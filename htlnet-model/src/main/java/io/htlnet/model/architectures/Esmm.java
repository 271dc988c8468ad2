package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ESMM (Ma et al. 2018) over the whole chain: tower t predicts the conditional probability of
 * step t given step t−1, and task t's prediction is the product {@code p_t = Π_{j≤t} σ(z_j)}
 * (CTR × CVR = CTCVR for the first two), trained on the unconditional labels over all impressions.
 * The core has its own tower.
 */
public final class Esmm implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    TaskTowers towers = new TaskTowers(ctx, classificationTasks + 1, inputWidth, config.tower());
    Ops tf = ctx.tf;
    return (inputs, gumbel, tau) -> {
      var conditional = towers.outputs(Collections.nCopies(classificationTasks + 1, inputs.get(0)));
      var logits = new ArrayList<Operand<TFloat32>>();
      Operand<TFloat32> logProbability = null;
      for (Operand<TFloat32> z : conditional.logits()) {
        Operand<TFloat32> logSigmoid = tf.math.neg(tf.math.softplus(tf.math.neg(z)));
        logProbability = logProbability == null ? logSigmoid : tf.math.add(logProbability, logSigmoid);
        // logit(p) = log p − log(1 − p), with log(1 − p) = log(−expm1(log p)); p < 1 − 1e−7 keeps it finite.
        Operand<TFloat32> bounded = tf.math.minimum(logProbability, tf.constant(-1e-7f));
        logits.add(tf.math.sub(bounded, tf.math.log(tf.math.neg(tf.math.expm1(bounded)))));
      }
      return new TaskOutputs(List.copyOf(logits), conditional.core());
    };
  }
}
