package io.htlnet.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
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
  private final Dense query;
  private final Dense key;
  private final Dense value;
  private final int attentionWidth;
  public final int outputWidth;

  public InformationFusionUnit(ModelContext ctx, int inputs, int inputWidth, int attentionWidth, boolean attention) {
    this.ctx = ctx;
    this.inputs = inputs;
    this.inputWidth = inputWidth;
    this.attentionWidth = attentionWidth;
    if (attention) {
      query = new Dense(ctx.scoped("query"), inputWidth, attentionWidth);
      key = new Dense(ctx.scoped("key"), inputWidth, attentionWidth);
      value = new Dense(ctx.scoped("value"), inputWidth, attentionWidth);
      outputWidth = attentionWidth;
    } else {
      query = key = value = null;
      outputWidth = inputs * inputWidth;
    }
  }

  public Operand<TFloat32> apply(List<Operand<TFloat32>> vectors) {
    Ops tf = ctx.tf;
    if (vectors.size() != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " vectors, got " + vectors.size());
    }
    if (query == null) {
      return tf.concat(vectors, tf.constant(1));
    }
    // [B, J, D] → [B·J, D]: one matmul per projection for all preceding tasks.
    Operand<TFloat32> flat = tf.reshape(tf.stack(vectors, org.tensorflow.op.core.Stack.axis(1L)), tf.constant(new long[] {-1, inputWidth}));
    Operand<TFloat32> scores =
        tf.math.div(
            tf.reduceSum(tf.math.mul(query.apply(flat), key.apply(flat)), tf.constant(1)),
            tf.constant((float) Math.sqrt(attentionWidth)));
    Operand<TFloat32> weights = tf.nn.softmax(tf.reshape(scores, tf.constant(new long[] {-1, inputs})));
    Operand<TFloat32> values = tf.reshape(value.apply(flat), tf.constant(new long[] {-1, inputs, attentionWidth}));
    return tf.reduceSum(tf.math.mul(tf.expandDims(weights, tf.constant(2)), values), tf.constant(1));
  }
}
