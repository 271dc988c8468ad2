package io.htlnet.model.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Dense layers with ReLU after each; the output is the last hidden layer. */
public final class Mlp {
  private final ModelContext ctx;
  private final List<Dense> layers = new ArrayList<>();
  public final int outputWidth;

  public Mlp(ModelContext ctx, int inputWidth, List<Integer> hidden) {
    this.ctx = ctx;
    int width = inputWidth;
    for (int i = 0; i < hidden.size(); i++) {
      layers.add(new Dense(ctx.scoped("dense" + i), width, hidden.get(i)));
      width = hidden.get(i);
    }
    this.outputWidth = width;
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    Operand<TFloat32> h = x;
    for (Dense layer : layers) {
      h = ctx.tf.nn.relu(layer.apply(h));
    }
    return h;
  }
}
