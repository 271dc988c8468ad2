package io.htlnet.model.gradients;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Which group each shared row [U] belongs to, for methods that work per group: one group (the
 * whole flattened shared gradient) or one per embedding table (field).
 */
public record RowGroups(Operand<TInt32> groupOfRow, int count) {

  /** The dot product of two row-gradients [U, d] within each group: [G]. */
  public Operand<TFloat32> dot(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    Operand<TFloat32> perRow = tf.reduceSum(tf.math.mul(a, b), tf.constant(1));
    return tf.math.unsortedSegmentSum(perRow, groupOfRow, tf.constant(count));
  }

  /** The L2 norm of a row-gradient [U, d] within each group: [G]. */
  public Operand<TFloat32> norm(Ops tf, Operand<TFloat32> a) {
    return tf.math.sqrt(dot(tf, a, a));
  }

  /** A per-group value [G] as a per-row column [U, 1], to scale row-gradients. */
  public Operand<TFloat32> toRows(Ops tf, Operand<TFloat32> perGroup) {
    return tf.expandDims(tf.gather(perGroup, groupOfRow, tf.constant(0)), tf.constant(1));
  }
}
