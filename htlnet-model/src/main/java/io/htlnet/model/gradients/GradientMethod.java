package io.htlnet.model.gradients;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Combines the tasks' gradients on the shared embedding rows touched in a batch into the one
 * gradient the optimiser applies. Task-specific parameters never pass through here.
 */
public interface GradientMethod {
  /**
   * @param classification each classification task's gradient [U, d], in chain order
   * @param core the core task's gradient [U, d]
   * @param groups the rows' groups (whole gradient, or per embedding table)
   * @return the combined gradient [U, d]
   */
  Operand<TFloat32> combine(Ops tf, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups);
}
