package io.htlnet.config;

import java.util.List;

/** Range checks that a type alone cannot express; each failure names its config key. */
final class ConfigValidator {
  private ConfigValidator() {}

  static void validate(HtlnetConfig c) {
    DataConfig d = c.data();
    List<Double> split = d.split();
    require(split != null && split.size() == 3, "data.split", "must be three fractions [train, validation, test]");
    require(split.stream().allMatch(f -> f != null && f > 0), "data.split", "fractions must be positive");
    require(Math.abs(split.stream().mapToDouble(Double::doubleValue).sum() - 1) < 1e-6, "data.split", "fractions must sum to 1");
    require(d.minCount() >= 1, "data.min_count", "must be at least 1");
    require(d.target().clip() == null || d.target().clip() > 0, "data.target.clip", "must be positive");
    require(d.synthetic().rows() >= 100, "data.synthetic.rows", "must be at least 100");
    require(d.synthetic().users() >= 1 && d.synthetic().items() >= 1, "data.synthetic.users", "users and items must be positive");
    require(d.synthetic().factors() >= 1, "data.synthetic.factors", "must be positive");
    require(d.synthetic().days() >= 1, "data.synthetic.days", "must be positive");
    if ("csv".equals(d.format())) {
      require(d.categorical() != null && !d.categorical().isEmpty(), "data.categorical", "a csv dataset needs its categorical columns");
      require(d.tasks() != null && !d.tasks().isEmpty(), "data.tasks", "a csv dataset needs its classification chain");
      require(d.core() != null, "data.core", "a csv dataset needs its core target column");
      require(d.time() != null, "data.time", "a csv dataset needs a time column for the chronological split");
    }
    ModelConfig m = c.model();
    require(m.embeddingDim() >= 1, "model.embedding_dim", "must be positive");
    require(m.tower() != null && !m.tower().isEmpty() && m.tower().stream().allMatch(h -> h != null && h > 0), "model.tower", "must be a non-empty list of positive layer widths");
    require(m.labelEmbeddingDim() >= 1, "model.label_embedding_dim", "must be positive");
    require(m.attentionDim() >= 1, "model.attention_dim", "must be positive");
    require(m.gumbel().tau() > 0 && m.gumbel().tauMin() > 0, "model.gumbel.tau", "temperatures must be positive");
    require(m.gumbel().annealRate() >= 0, "model.gumbel.anneal_rate", "must not be negative");
    require(m.bottom() != null && !m.bottom().isEmpty() && m.bottom().stream().allMatch(h -> h != null && h > 0), "model.bottom", "must be a non-empty list of positive layer widths");
    var e = m.experts();
    require(e.count() >= 1 && e.shared() >= 0 && e.perTask() >= 1 && e.levels() >= 1, "model.experts", "count, per_task and levels must be positive, shared not negative");
    require(e.units() != null && !e.units().isEmpty() && e.units().stream().allMatch(h -> h != null && h > 0), "model.experts.units", "must be a non-empty list of positive layer widths");
    require(m.calibratorWeight() >= 0, "model.calibrator_weight", "must not be negative");
    GradientConfig g = c.gradients();
    require(g.gamma() >= 0 && g.gamma() <= 1, "gradients.gamma", "must be in [0, 1]");
    require(g.cap() > 0, "gradients.cap", "must be positive");
    require(g.relax() >= 0 && g.relax() <= 1, "gradients.relax", "must be in [0, 1]");
    require(g.beta() >= 0 && g.beta() < 1, "gradients.beta", "must be in [0, 1)");
    OptimizerConfig o = c.optimizer();
    require(o.learningRate() > 0, "optimizer.learning_rate", "must be positive");
    require(o.beta1() >= 0 && o.beta1() < 1 && o.beta2() >= 0 && o.beta2() < 1, "optimizer.beta1", "betas must be in [0, 1)");
    require(o.epsilon() > 0, "optimizer.epsilon", "must be positive");
    TrainConfig t = c.train();
    require(t.epochs() >= 1, "train.epochs", "must be at least 1");
    require(t.batchSize() >= 1, "train.batch_size", "must be positive");
    require(t.evalBatchSize() >= 1, "train.eval_batch_size", "must be positive");
    require(t.earlyStopping().patience() >= 1, "train.early_stopping.patience", "must be at least 1");
    require(t.earlyStopping().metric() != null && t.earlyStopping().metric().contains("."), "train.early_stopping.metric", "must be TASK.METRIC, e.g. core.nrmse or is_click.auc");
    ServeConfig s = c.serve();
    require(s.score() != null && !s.score().isBlank(), "serve.score", "must be 'core' or a classification task's name");
    require(s.maxCandidates() >= 1, "serve.max_candidates", "must be positive");
    require(s.maxRequestBytes() >= 1024, "serve.max_request_bytes", "must be at least 1024");
    require(s.timeoutMs() >= 1, "serve.timeout_ms", "must be positive");
    require(t.threads().intraOp() >= 0 && t.threads().interOp() >= 0, "train.threads", "must not be negative");
  }

  private static void require(boolean ok, String key, String what) {
    if (!ok) {
      throw new InputException("config key '" + key + "': " + what);
    }
  }
}
