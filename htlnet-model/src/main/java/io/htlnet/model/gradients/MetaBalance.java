package io.htlnet.model.gradients;

import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * MetaBalance (He et al. 2022) with the core as the target task, per group of shared rows: moving
 * averages of the gradient norms, {@code m ← β·m + (1−β)·‖G‖}, and each classification gradient
 * scaled towards the core's magnitude, {@code G_t ← r·(m_c/m_t)·G_t + (1−r)·G_t}; then
 * {@code G = G_c + Σ_t G_t}. Unlike HTLNet's regime it does not touch directions.
 */
public final class MetaBalance implements GradientMethod {
  private final float relax;
  private final float beta;

  public MetaBalance(double relax, double beta) {
    this.relax = (float) relax;
    this.beta = (float) beta;
  }

  @Override
  public Combined combine(ModelContext ctx, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups) {
    Ops tf = ctx.tf;
    var updates = new ArrayList<Op>();
    Operand<TFloat32> coreAverage = average(ctx, "core", groups.norm(tf, core), groups.count(), updates);
    var contributions = new ArrayList<Operand<TFloat32>>();
    for (int t = 0; t < classification.size(); t++) {
      Operand<TFloat32> g = classification.get(t);
      Operand<TFloat32> average = average(ctx, "task" + t, groups.norm(tf, g), groups.count(), updates);
      Operand<TFloat32> scale =
          tf.math.add(tf.math.mul(tf.constant(relax), tf.math.divNoNan(coreAverage, average)), tf.constant(1 - relax));
      contributions.add(tf.math.mul(groups.toRows(tf, scale), g));
    }
    contributions.add(core);
    return new Combined(contributions, updates);
  }

  /** The updated moving average of {@code norm} [G]; its assignment joins {@code updates}. */
  private Operand<TFloat32> average(ModelContext ctx, String name, Operand<TFloat32> norm, int groups, List<Op> updates) {
    Ops tf = ctx.tf;
    Ops init = tf.withInitScope();
    Variable<TFloat32> state = ctx.stateVariable("norm_average_" + name, init.zeros(init.constant(new long[] {groups}), TFloat32.class));
    Operand<TFloat32> updated = tf.math.add(tf.math.mul(tf.constant(beta), state), tf.math.mul(tf.constant(1 - beta), norm));
    updates.add(tf.assign(state, updated));
    return updated;
  }
}
