package io.htlnet.model;

import io.htlnet.config.OptimizerConfig;
import io.htlnet.model.layers.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Adam with the bias correction computed from the step variable ({@code β^(step+1)}), not from
 * beta-power variables that race with the updates that read them. Dense variables use ApplyAdam;
 * the embedding table is updated lazily, only in the rows a batch touched, moments included.
 */
final class Adam {
  private final ModelContext ctx;
  private final Ops tf;
  private final Operand<TFloat32> learningRate;
  private final Operand<TFloat32> beta1;
  private final Operand<TFloat32> beta2;
  private final Operand<TFloat32> epsilon;
  private final Operand<TFloat32> beta1Power;
  private final Operand<TFloat32> beta2Power;

  Adam(ModelContext ctx, OptimizerConfig config, Variable<TFloat32> step) {
    this.ctx = ctx.scoped("adam");
    this.tf = this.ctx.tf;
    this.learningRate = tf.constant((float) config.learningRate());
    this.beta1 = tf.constant((float) config.beta1());
    this.beta2 = tf.constant((float) config.beta2());
    this.epsilon = tf.constant((float) config.epsilon());
    Operand<TFloat32> t = tf.math.add(step, tf.constant(1f));
    this.beta1Power = tf.math.pow(beta1, t);
    this.beta2Power = tf.math.pow(beta2, t);
  }

  private Variable<TFloat32> slot(Variable<TFloat32> variable, String name) {
    Ops init = tf.withInitScope();
    return ctx.stateVariable(name, init.zeros(init.constant(variable.shape().asArray()), TFloat32.class));
  }

  /** One Adam step on a dense variable; {@code tfGated} carries the control dependencies to wait for. */
  Op dense(Ops tfGated, Variable<TFloat32> variable, Operand<TFloat32> gradient, String name) {
    return tfGated.train.applyAdam(
        variable, slot(variable, name + "_m"), slot(variable, name + "_v"),
        beta1Power, beta2Power, learningRate, beta1, beta2, epsilon, gradient);
  }

  /** Lazy Adam on the given distinct {@code rows} of {@code table} with their gradient [U, d]. */
  Op sparse(Variable<TFloat32> table, Operand<TInt32> rows, Operand<TFloat32> gradient) {
    Variable<TFloat32> m = slot(table, "embeddings_m");
    Variable<TFloat32> v = slot(table, "embeddings_v");
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> mRows =
        tf.math.add(tf.math.mul(beta1, tf.gather(m, rows, tf.constant(0))), tf.math.mul(tf.math.sub(one, beta1), gradient));
    Operand<TFloat32> vRows =
        tf.math.add(tf.math.mul(beta2, tf.gather(v, rows, tf.constant(0))), tf.math.mul(tf.math.sub(one, beta2), tf.math.square(gradient)));
    Operand<TFloat32> stepSize =
        tf.math.div(tf.math.mul(learningRate, tf.math.sqrt(tf.math.sub(one, beta2Power))), tf.math.sub(one, beta1Power));
    Operand<TFloat32> delta = tf.math.mul(stepSize, tf.math.div(mRows, tf.math.add(tf.math.sqrt(vRows), epsilon)));
    return tf.withControlDependencies(
            tf.scatterUpdate(m, rows, mRows), tf.scatterUpdate(v, rows, vRows))
        .scatterSub(table, rows, delta);
  }
}
