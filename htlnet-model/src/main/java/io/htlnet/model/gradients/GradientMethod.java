package io.htlnet.model.gradients;

import io.htlnet.model.layers.ModelContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Combines the tasks' gradients on the shared embedding rows touched in a batch into the one
 * gradient the optimiser applies. Task-specific parameters never pass through here. Adding a
 * method is adding a file and a line in {@link GradientMethods}.
 */
public interface GradientMethod {
  /**
   * @param ctx where a method with state (moving averages) creates its variables
   * @param classification each classification task's gradient [U, d], in chain order
   * @param core the core task's gradient [U, d]
   * @param groups the rows' groups (whole gradient, or per embedding table)
   */
  Combined combine(ModelContext ctx, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups);

  /**
   * What each task contributes to the shared update after the method (classification tasks in
   * chain order, the core last; the update is their sum), and the ops that update the method's
   * state in the same step.
   */
  record Combined(List<Operand<TFloat32>> contributions, List<Op> stateUpdates) {
    public Combined(List<Operand<TFloat32>> contributions) {
      this(contributions, List.of());
    }

    /** The shared update: the sum of the contributions [U, d]. */
    public Operand<TFloat32> gradient(Ops tf) {
      return contributions.size() == 1 ? contributions.get(0) : tf.math.addN(contributions);
    }
  }
}
