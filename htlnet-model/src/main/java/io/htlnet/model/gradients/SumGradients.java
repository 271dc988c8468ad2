package io.htlnet.model.gradients;

import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The plain sum of the tasks' gradients: what training the summed loss does. */
public final class SumGradients implements GradientMethod {
  @Override
  public Combined combine(ModelContext ctx, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups) {
    var contributions = new ArrayList<>(classification);
    contributions.add(core);
    return new Combined(contributions);
  }
}
