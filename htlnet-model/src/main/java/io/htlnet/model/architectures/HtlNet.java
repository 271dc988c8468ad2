package io.htlnet.model.architectures;

import io.htlnet.config.ModelConfig;
import io.htlnet.model.layers.Dense;
import io.htlnet.model.layers.InformationFusionUnit;
import io.htlnet.model.layers.LabelEmbeddingUnit;
import io.htlnet.model.layers.Mlp;
import io.htlnet.model.layers.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * HTLNet (RecSys 2024, "Touch the Core"). Task t's tower reads {@code h_1 = e}, and for t > 1
 * {@code h_t = [IFU(rep^{<t}), IFU(le^{<t}), e]}; each classification task's Label Embedding Unit
 * passes its predicted label down the chain. With stop-gradient (the default) the representations
 * and probabilities handed down carry no gradient back, so tasks meet only in the shared
 * embeddings; the label-embedding tables themselves learn from the tasks that read them.
 */
public final class HtlNet implements Architecture {
  @Override
  public TaskNetwork create(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
    return new Network(ctx, inputWidth, classificationTasks, config);
  }

  private static final class Network implements TaskNetwork {
    private final Ops tf;
    private final ModelConfig config;
    private final int tasks;
    private final List<Mlp> towers = new ArrayList<>();
    private final List<Dense> heads = new ArrayList<>();
    private final List<LabelEmbeddingUnit> labelUnits = new ArrayList<>();
    private final List<InformationFusionUnit> representationFusion = new ArrayList<>();
    private final List<InformationFusionUnit> labelFusion = new ArrayList<>();

    Network(ModelContext ctx, int inputWidth, int classificationTasks, ModelConfig config) {
      this.tf = ctx.tf;
      this.config = config;
      this.tasks = classificationTasks + 1;
      boolean attention = "attention".equals(config.fusion());
      int representationWidth = config.tower().get(config.tower().size() - 1);
      for (int t = 0; t < tasks; t++) {
        ModelContext task = ctx.scoped("task" + t);
        int width = inputWidth;
        if (t > 0 && config.useRepresentations()) {
          var ifu = new InformationFusionUnit(task.scoped("ifu_rep"), t, representationWidth, config.attentionDim(), attention);
          representationFusion.add(ifu);
          width += ifu.outputWidth;
        }
        if (t > 0 && config.useLabelEmbeddings()) {
          var ifu = new InformationFusionUnit(task.scoped("ifu_label"), t, config.labelEmbeddingDim(), config.attentionDim(), attention);
          labelFusion.add(ifu);
          width += ifu.outputWidth;
        }
        Mlp tower = new Mlp(task.scoped("tower"), width, config.tower());
        towers.add(tower);
        heads.add(new Dense(task.scoped("head"), tower.outputWidth, 1));
        if (t < classificationTasks && config.useLabelEmbeddings()) {
          labelUnits.add(new LabelEmbeddingUnit(task.scoped("leu"), config.labelEmbeddingDim()));
        }
      }
    }

    private Operand<TFloat32> handDown(Operand<TFloat32> x) {
      return config.stopGradient() ? tf.stopGradient(x) : x;
    }

    @Override
    public TaskOutputs forward(List<Operand<TFloat32>> inputs, List<Operand<TFloat32>> gumbel, Operand<TFloat32> tau) {
      Operand<TFloat32> input = inputs.get(0);
      var representations = new ArrayList<Operand<TFloat32>>();
      var labelEmbeddings = new ArrayList<Operand<TFloat32>>();
      var logits = new ArrayList<Operand<TFloat32>>();
      Operand<TFloat32> core = null;
      for (int t = 0; t < tasks; t++) {
        var parts = new ArrayList<Operand<TFloat32>>();
        if (t > 0 && config.useRepresentations()) {
          parts.add(representationFusion.get(t - 1).apply(representations));
        }
        if (t > 0 && config.useLabelEmbeddings()) {
          parts.add(labelFusion.get(t - 1).apply(labelEmbeddings));
        }
        parts.add(input);
        Operand<TFloat32> h = parts.size() == 1 ? input : tf.concat(parts, tf.constant(1));
        Operand<TFloat32> representation = towers.get(t).apply(h);
        Operand<TFloat32> logit = tf.squeeze(heads.get(t).apply(representation), org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
        if (t == tasks - 1) {
          core = logit;
        } else {
          logits.add(logit);
          representations.add(handDown(representation));
          if (config.useLabelEmbeddings()) {
            labelEmbeddings.add(
                labelUnits.get(t).apply(handDown(logit), gumbel.isEmpty() ? null : gumbel.get(t), tau));
          }
        }
      }
      return new TaskOutputs(logits, core);
    }
  }
}
