package io.htlnet.model.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** {@code x·W + b}. */
public final class Dense {
  private final ModelContext ctx;
  private final Variable<TFloat32> weights;
  private final Variable<TFloat32> bias;
  public final int outputWidth;

  public Dense(ModelContext ctx, int inputWidth, int outputWidth) {
    this.ctx = ctx;
    this.outputWidth = outputWidth;
    this.weights = ctx.glorot("w", inputWidth, outputWidth);
    this.bias = ctx.zeros("b", outputWidth);
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    return ctx.tf.nn.biasAdd(ctx.tf.linalg.matMul(x, weights), bias);
  }
}
