package io.htlnet.model.gradients;

import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * HTLNet's gradient regime, per group of shared rows. For each classification gradient G_t and the
 * core gradient G_c: (1) direction: if {@code G_t·G_c < 0}, {@code G_t ← G_t − (G_t·G_c/‖G_c‖²) G_c};
 * (2) magnitude: {@code G_t ← γ·min(‖G_c‖/‖G_t‖, C)·G_t + (1−γ)·G_t}; (3) {@code G = G_c + Σ_t G_t}.
 * Ratios with a zero denominator count as 0 (a task with no gradient in a group stays at zero).
 */
public final class HtlNetRegime implements GradientMethod {
  private final float gamma;
  private final float cap;

  public HtlNetRegime(double gamma, double cap) {
    this.gamma = (float) gamma;
    this.cap = (float) cap;
  }

  @Override
  public Combined combine(ModelContext ctx, List<Operand<TFloat32>> classification, Operand<TFloat32> core, RowGroups groups) {
    Ops tf = ctx.tf;
    Operand<TFloat32> coreSquared = groups.dot(tf, core, core);
    Operand<TFloat32> coreNorm = tf.math.sqrt(coreSquared);
    Operand<TFloat32> zero = tf.constant(0f);
    var contributions = new ArrayList<Operand<TFloat32>>();
    for (Operand<TFloat32> g : classification) {
      Operand<TFloat32> dot = groups.dot(tf, g, core);
      Operand<TFloat32> projection = tf.select(tf.math.less(dot, zero), tf.math.divNoNan(dot, coreSquared), tf.zerosLike(dot));
      Operand<TFloat32> projected = tf.math.sub(g, tf.math.mul(groups.toRows(tf, projection), core));
      Operand<TFloat32> ratio = tf.math.minimum(tf.math.divNoNan(coreNorm, groups.norm(tf, projected)), tf.constant(cap));
      Operand<TFloat32> scale = tf.math.add(tf.math.mul(tf.constant(gamma), ratio), tf.constant(1 - gamma));
      contributions.add(tf.math.mul(groups.toRows(tf, scale), projected));
    }
    contributions.add(core);
    return new Combined(contributions);
  }
}
