package io.htlnet.model.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What layers share while a graph is built: the {@code Ops} (with a name scope), and a factory of
 * variables whose initial values come from stateless random ops seeded by (run seed, variable
 * number), so the same seed gives the same initial weights in every process.
 */
public final class ModelContext {
  public final Ops tf;
  private final Variables variables;

  /** State shared by a context and all its scoped children. */
  private static final class Variables {
    final long seed;
    int count;
    final List<Variable<TFloat32>> dense = new ArrayList<>();

    Variables(long seed) {
      this.seed = seed;
    }
  }

  public ModelContext(Ops tf, long seed) {
    this(tf, new Variables(seed));
  }

  private ModelContext(Ops tf, Variables variables) {
    this.tf = tf;
    this.variables = variables;
  }

  /** The same context with names under {@code name/}. */
  public ModelContext scoped(String name) {
    return new ModelContext(tf.withSubScope(name), variables);
  }

  /** Every variable trained with the ordinary (dense) gradient: all but the shared embeddings. */
  public List<Variable<TFloat32>> denseVariables() {
    return List.copyOf(variables.dense);
  }

  /** Glorot-uniform weights for a {@code fanIn × fanOut} matrix. */
  public Variable<TFloat32> glorot(String name, long fanIn, long fanOut) {
    return dense(name, uniform(Math.sqrt(6.0 / (fanIn + fanOut)), fanIn, fanOut));
  }

  public Variable<TFloat32> zeros(String name, long... shape) {
    Ops init = tf.withInitScope();
    return dense(name, init.zeros(init.constant(shape), TFloat32.class));
  }

  /** A variable the dense optimiser leaves alone: the shared embedding table, optimiser slots, the step. */
  public Variable<TFloat32> stateVariable(String name, Operand<TFloat32> initial) {
    return tf.withName(name).variable(initial);
  }

  /** Uniform values in ±limit, made in the init scope (an initialiser may not depend on step ops). */
  public Operand<TFloat32> uniform(double limit, long... shape) {
    Ops init = tf.withInitScope();
    Operand<TFloat32> unit =
        init.random.statelessRandomUniform(
            init.constant(shape), init.constant(new long[] {variables.seed, variables.count++}));
    return init.math.mul(init.math.sub(unit, init.constant(0.5f)), init.constant((float) (2 * limit)));
  }

  private Variable<TFloat32> dense(String name, Operand<TFloat32> initial) {
    Variable<TFloat32> variable = tf.withName(name).variable(initial);
    variables.dense.add(variable);
    return variable;
  }
}
