package io.htlnet.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/** A softmax gate over n vectors of equal width: {@code Σ_i softmax(W·x)_i · v_i}. */
public final class Gate {
  private final ModelContext ctx;
  private final Dense logits;

  public Gate(ModelContext ctx, int inputWidth, int choices) {
    this.ctx = ctx;
    this.logits = new Dense(ctx.scoped("gate"), inputWidth, choices);
  }

  /** Mixes {@code vectors} ([B, D] each) with weights computed from {@code x}. */
  public Operand<TFloat32> mix(Operand<TFloat32> x, List<Operand<TFloat32>> vectors) {
    Ops tf = ctx.tf;
    Operand<TFloat32> weights = tf.expandDims(tf.nn.softmax(logits.apply(x)), tf.constant(2));
    return tf.reduceSum(tf.math.mul(weights, tf.stack(vectors, Stack.axis(1L))), tf.constant(1));
  }
}
