package io.htlnet.model.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A group of expert MLPs over the same input (mixture-of-experts architectures). */
public final class Experts {
  private final List<Mlp> experts = new ArrayList<>();
  public final int outputWidth;

  public Experts(ModelContext ctx, int count, int inputWidth, List<Integer> units) {
    for (int i = 0; i < count; i++) {
      experts.add(new Mlp(ctx.scoped("expert" + i), inputWidth, units));
    }
    this.outputWidth = units.get(units.size() - 1);
  }

  public List<Operand<TFloat32>> apply(Operand<TFloat32> x) {
    return experts.stream().map(e -> e.apply(x)).toList();
  }

  public int size() {
    return experts.size();
  }
}
