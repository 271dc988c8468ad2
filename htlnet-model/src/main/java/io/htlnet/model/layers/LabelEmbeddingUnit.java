package io.htlnet.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Label Embedding Unit: a task's predicted label as a soft mixture of two learned label embeddings,
 * {@code le = π·E} with {@code E ∈ R^{2×L}}. In training {@code π = softmax((log[1−p, p] + g)/τ)}
 * with Gumbel noise g; at inference {@code π = [1−p, p]}. True labels are never fed forward, so
 * training and serving see the same inputs.
 */
public final class LabelEmbeddingUnit {
  private final ModelContext ctx;
  private final Variable<TFloat32> table;
  public final int width;

  public LabelEmbeddingUnit(ModelContext ctx, int width) {
    this.ctx = ctx;
    this.width = width;
    this.table = ctx.glorot("label_embeddings", 2, width);
  }

  /**
   * @param logit the task's logit [B]; the caller applies stop-gradient where the design asks
   * @param gumbel Gumbel noise [B, 2] in training, null at inference
   * @param tau the Gumbel-softmax temperature (scalar)
   */
  public Operand<TFloat32> apply(Operand<TFloat32> logit, Operand<TFloat32> gumbel, Operand<TFloat32> tau) {
    Ops tf = ctx.tf;
    Operand<TFloat32> column = tf.expandDims(logit, tf.constant(1));
    Operand<TFloat32> pi;
    if (gumbel == null) {
      pi = tf.concat(List.of(tf.math.sigmoid(tf.math.neg(column)), tf.math.sigmoid(column)), tf.constant(1));
    } else {
      // log(1−p) = −softplus(z), log p = −softplus(−z): exact for any logit, no clipping of p.
      Operand<TFloat32> logProbabilities =
          tf.concat(List.of(tf.math.neg(tf.math.softplus(column)), tf.math.neg(tf.math.softplus(tf.math.neg(column)))), tf.constant(1));
      pi = tf.nn.softmax(tf.math.div(tf.math.add(logProbabilities, gumbel), tau));
    }
    return tf.linalg.matMul(pi, table);
  }
}
