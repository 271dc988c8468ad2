package io.htlnet.model.gradients;

import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * PCGrad (gradient surgery, Yu et al. 2020), per group of shared rows: each task's gradient, in
 * turn, is projected onto the normal plane of every other task's original gradient it conflicts
 * with ({@code g_i ← g_i − (g_i·g_j/‖g_j‖²) g_j} when {@code g_i·g_j < 0}); the results are summed.
 * The other tasks are visited in chain order, the core last (the paper samples the order at random;
 * a fixed order keeps training reproducible).
 */
public final class PcGrad implements GradientMethod {
  @Override
  public Combined combine(ModelContext ctx, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups) {
    Ops tf = ctx.tf;
    var tasks = new ArrayList<>(classification);
    tasks.add(core);
    var squaredNorms = tasks.stream().map(g -> groups.dot(tf, g, g)).toList();
    var contributions = new ArrayList<Operand<TFloat32>>();
    for (int i = 0; i < tasks.size(); i++) {
      Operand<TFloat32> g = tasks.get(i);
      for (int j = 0; j < tasks.size(); j++) {
        if (j == i) {
          continue;
        }
        Operand<TFloat32> dot = groups.dot(tf, g, tasks.get(j));
        Operand<TFloat32> coefficient =
            tf.select(tf.math.less(dot, tf.constant(0f)), tf.math.divNoNan(dot, squaredNorms.get(j)), tf.zerosLike(dot));
        g = tf.math.sub(g, tf.math.mul(groups.toRows(tf, coefficient), tasks.get(j)));
      }
      contributions.add(g);
    }
    return new Combined(contributions);
  }
}
