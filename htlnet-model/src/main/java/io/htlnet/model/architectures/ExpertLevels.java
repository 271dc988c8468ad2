package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.Experts;
import io.htlnet.model.layers.Gate;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Stacked levels of task-specific and shared experts, the body of PLE and AdaTT. At each level
 * every task has its own experts and a shared group serves all; task t's output is a gated mix
 * of its own and the shared experts (PLE's CGC) or of every expert of every task (AdaTT's
 * task-to-task fusion, plus a learned linear combination of its own experts). The shared group's
 * next input is a gated mix of all experts.
 */
final class ExpertLevels {
  private final ModelContext ctx;
  private final boolean fuseAllTasks;
  private final List<Level> levels = new ArrayList<>();
  final int outputWidth;

  private record Level(List<Experts> taskExperts, Experts shared, List<Gate> taskGates, Gate sharedGate, List<Variable<TFloat32>> selfWeights) {}

  ExpertLevels(ModelContext ctx, int tasks, int inputWidth, ModelConfig.ExpertsConfig config, int levelCount, boolean fuseAllTasks) {
    this.ctx = ctx;
    this.fuseAllTasks = fuseAllTasks;
    int width = inputWidth;
    for (int l = 0; l < levelCount; l++) {
      ModelContext level = ctx.scoped("level" + l);
      var taskExperts = new ArrayList<Experts>();
      var taskGates = new ArrayList<Gate>();
      var selfWeights = new ArrayList<Variable<TFloat32>>();
      int everyExpert = tasks * config.perTask() + config.shared();
      for (int t = 0; t < tasks; t++) {
        ModelContext task = level.scoped("task" + t);
        taskExperts.add(new Experts(task, config.perTask(), width, config.units()));
        taskGates.add(new Gate(task, width, fuseAllTasks ? everyExpert : config.perTask() + config.shared()));
        if (fuseAllTasks) {
          selfWeights.add(task.glorot("self_weights", config.perTask(), 1));
        }
      }
      Experts shared = config.shared() > 0 ? new Experts(level.scoped("shared"), config.shared(), width, config.units()) : null;
      Gate sharedGate = l < levelCount - 1 ? new Gate(level.scoped("shared"), width, everyExpert) : null;
      levels.add(new Level(taskExperts, shared, taskGates, sharedGate, selfWeights));
      width = config.units().get(config.units().size() - 1);
    }
    this.outputWidth = width;
  }

  /** Each task's output of the last level. */
  List<Operand<TFloat32>> apply(Operand<TFloat32> input) {
    int tasks = levels.get(0).taskExperts().size();
    List<Operand<TFloat32>> taskInputs = Collections.nCopies(tasks, input);
    Operand<TFloat32> sharedInput = input;
    for (Level level : levels) {
      var own = new ArrayList<List<Operand<TFloat32>>>();
      var every = new ArrayList<Operand<TFloat32>>();
      for (int t = 0; t < tasks; t++) {
        own.add(level.taskExperts().get(t).apply(taskInputs.get(t)));
        every.addAll(own.get(t));
      }
      List<Operand<TFloat32>> shared = level.shared() == null ? List.of() : level.shared().apply(sharedInput);
      every.addAll(shared);
      var outputs = new ArrayList<Operand<TFloat32>>();
      for (int t = 0; t < tasks; t++) {
        if (fuseAllTasks) {
          Operand<TFloat32> self =
              ctx.tf.reduceSum(
                  ctx.tf.math.mul(ctx.tf.stack(own.get(t), Stack.axis(1L)), ctx.tf.expandDims(level.selfWeights().get(t), ctx.tf.constant(0))),
                  ctx.tf.constant(1));
          outputs.add(ctx.tf.math.add(level.taskGates().get(t).mix(taskInputs.get(t), every), self));
        } else {
          var candidates = new ArrayList<>(own.get(t));
          candidates.addAll(shared);
          outputs.add(level.taskGates().get(t).mix(taskInputs.get(t), candidates));
        }
      }
      sharedInput = level.sharedGate() == null ? null : level.sharedGate().mix(sharedInput, every);
      taskInputs = outputs;
    }
    return taskInputs;
  }
}
