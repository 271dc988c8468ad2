package io.htlnet.model.gradients;

import io.htlnet.model.layers.ModelContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The plain sum of the tasks' gradients: what training the summed loss does. */
public final class SumGradients implements GradientMethod {
  @Override
  public Combined combine(ModelContext ctx, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups) {
    Ops tf = ctx.tf;
    Operand<TFloat32> sum = core;
    for (Operand<TFloat32> g : classification) {
      sum = tf.math.add(sum, g);
    }
    return new Combined(sum);
  }
}
