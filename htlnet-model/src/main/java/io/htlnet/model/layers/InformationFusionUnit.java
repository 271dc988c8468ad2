package io.htlnet.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * Information Fusion Unit over the vectors {u_j} of the preceding tasks (all of width D): with
 * {@code s_j = (W_q u_j)·(W_k u_j)/√a} and {@code α = softmax(s)}, the output is
 * {@code Σ_j α_j W_v u_j} (width a). The concatenation variant (an ablation) returns {@code [u_1, …]}.
 */
public final class InformationFusionUnit {
  private final ModelContext ctx;
  private final int inputs;
  private final int inputWidth;
  /** W_q, W_k and W_v side by side, so one matmul projects all three (W_v alone for one input, where α ≡ 1). */
  private final Dense queryKeyValue;
  private final int attentionWidth;
  public final int outputWidth;

  public InformationFusionUnit(ModelContext ctx, int inputs, int inputWidth, int attentionWidth, boolean attention) {
    this.ctx = ctx;
    this.inputs = inputs;
    this.inputWidth = inputWidth;
    this.attentionWidth = attentionWidth;
    if (attention) {
      queryKeyValue = new Dense(ctx.scoped(inputs == 1 ? "value" : "qkv"), inputWidth, (inputs == 1 ? 1 : 3) * attentionWidth);
      outputWidth = attentionWidth;
    } else {
      queryKeyValue = null;
      outputWidth = inputs * inputWidth;
    }
  }

  public Operand<TFloat32> apply(List<Operand<TFloat32>> vectors) {
    Ops tf = ctx.tf;
    if (vectors.size() != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " vectors, got " + vectors.size());
    }
    if (queryKeyValue == null) {
      return vectors.size() == 1 ? vectors.get(0) : tf.concat(vectors, tf.constant(1));
    }
    if (inputs == 1) {
      return queryKeyValue.apply(vectors.get(0)); // a softmax over one score is 1: out = W_v u
    }
    // [B, J, D] → [B·J, D]: one matmul projects every preceding task's vector.
    Operand<TFloat32> flat = tf.reshape(tf.stack(vectors, Stack.axis(1L)), tf.constant(new long[] {-1, inputWidth}));
    Split<TFloat32> qkv = tf.split(tf.constant(1), queryKeyValue.apply(flat), 3L);
    Operand<TFloat32> scores =
        tf.math.div(
            tf.reduceSum(tf.math.mul(qkv.output().get(0), qkv.output().get(1)), tf.constant(1)),
            tf.constant((float) Math.sqrt(attentionWidth)));
    Operand<TFloat32> weights = tf.nn.softmax(tf.reshape(scores, tf.constant(new long[] {-1, inputs})));
    Operand<TFloat32> values = tf.reshape(qkv.output().get(2), tf.constant(new long[] {-1, inputs, attentionWidth}));
    return tf.reduceSum(tf.math.mul(tf.expandDims(weights, tf.constant(2)), values), tf.constant(1));
  }
}
