package io.htlnet.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.htlnet.config.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aGridExpandsToTheCrossProductAfterTheExplicitVariants() throws Exception {
    write("base.yaml", "train: {epochs: 1}\n");
    Path file = write("e.yaml", """
        name: g
        base: base.yaml
        seeds: 2
        variants: [{name: plain, set: []}]
        grid: {model.architecture: [mmoe, ple], gradients.method: [sum, pcgrad]}
        """);
    var names = ExperimentConfig.load(file).allVariants().stream().map(ExperimentConfig.Variant::name).toList();
    assertThat(names).containsExactly("plain",
        "model.architecture=mmoe,gradients.method=sum", "model.architecture=mmoe,gradients.method=pcgrad",
        "model.architecture=ple,gradients.method=sum", "model.architecture=ple,gradients.method=pcgrad");
  }

  @Test
  void aTableNamingAnUnknownVariantIsAnError() throws Exception {
    Path file = write("e.yaml", """
        name: g
        base: base.yaml
        seeds: 1
        variants: [{name: a, set: []}]
        tables: [{title: t, variants: [a, b]}]
        """);
    assertThatThrownBy(() -> ExperimentConfig.load(file)).isInstanceOf(InputException.class).hasMessageContaining("names 'b'");
  }

  @Test
  void theTableBoldsTheBestMeanAndTestsTheReferenceAgainstTheBestOther() {
    var results = List.of(
        new Experiment.RunResult("ref", 1, Map.of("test.c.auc", 0.70, "test.c.logloss", 0.40)),
        new Experiment.RunResult("ref", 2, Map.of("test.c.auc", 0.72, "test.c.logloss", 0.42)),
        new Experiment.RunResult("ref", 3, Map.of("test.c.auc", 0.71, "test.c.logloss", 0.41)),
        new Experiment.RunResult("base", 1, Map.of("test.c.auc", 0.60, "test.c.logloss", 0.30)),
        new Experiment.RunResult("base", 2, Map.of("test.c.auc", 0.61, "test.c.logloss", 0.32)),
        new Experiment.RunResult("base", 3, Map.of("test.c.auc", 0.65, "test.c.logloss", 0.31)));
    var columns = List.of(new ExperimentReport.Column("c", "auc", true), new ExperimentReport.Column("c", "logloss", false));
    String table = ExperimentReport.table(new ExperimentConfig.Table("t", List.of("ref", "base")), "ref", columns, results);
    assertThat(table).contains("| **ref** | **0.7100 ± 0.0100** | 0.4100 ± 0.0100 |");
    assertThat(table).contains("| base | 0.6200 ± 0.0265 | **0.3100 ± 0.0100** |");
    // Welch: means 0.71 and 0.62, variances 1e−4 and 7e−4 over 3 each: t = 0.09/√(8e−4/3) = 5.511,
    // ν = (8e−4/3)²/((1e−4/3)²/2 + (7e−4/3)²/2) = 2.56; two-sided p from Student's t.
    double t = 0.09 / Math.sqrt(8e-4 / 3);
    double nu = Math.pow(8e-4 / 3, 2) / (Math.pow(1e-4 / 3, 2) / 2 + Math.pow(7e-4 / 3, 2) / 2);
    double p = 2 * (1 - new org.apache.commons.math3.distribution.TDistribution(nu).cumulativeProbability(t));
    assertThat(ExperimentReport.welchP(new double[] {0.70, 0.72, 0.71}, new double[] {0.60, 0.61, 0.65})).isCloseTo(p, within(1e-9));
    assertThat(table).contains(String.format("%.3g (vs base)", p));
    assertThat(ExperimentReport.welchP(new double[] {0.7}, new double[] {0.6, 0.5})).isNaN();
  }

  @Test
  void runsEveryVariantAndSeedResumesAndRefusesAChangedConfig() throws Exception {
    write("base.yaml", "data: {synthetic: {rows: 4000}}\ntrain: {epochs: 1, batch_size: 512}\n");
    String experiment = """
        name: tiny
        base: base.yaml
        seeds: 2
        variants:
          - {name: HTLNet, set: []}
          - {name: MMoE, set: [model.architecture=mmoe, gradients.method=sum]}
        reference: HTLNet
        figures: {with: HTLNet, without: MMoE}
        """;
    Path file = write("e.yaml", experiment);
    Path out = dir.resolve("out");
    ExperimentConfig config = ExperimentConfig.load(file);
    Experiment.Outcome first = Experiment.run(config, file, null, null, out, false);
    assertThat(first.trained()).isEqualTo(4);
    assertThat(first.taskChain()).containsExactly("click", "long_view", "watch_time");
    ExperimentReport.write(config, first, first.taskChain(), out, "notes");
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(5).first().asString().startsWith("variant,seed,");
    assertThat(Files.readString(out.resolve("report.md"))).contains("| **HTLNet** |").contains("p (HTLNet vs best other)");
    assertThat(Files.readString(out.resolve("report.html"))).contains("<table>");
    assertThat(out.resolve("gradient_norms.png")).isRegularFile();

    Experiment.Outcome again = Experiment.run(config, file, null, null, out, false);
    assertThat(again.trained()).isZero();
    assertThat(again.resumed()).isEqualTo(4);
    assertThat(again.results().get(0).metrics()).isEqualTo(first.results().get(0).metrics());

    Path changed = write("e.yaml", experiment.replace("set: []", "set: [train.batch_size=256]"));
    assertThatThrownBy(() -> Experiment.run(ExperimentConfig.load(changed), changed, null, null, out, false))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("different config");
  }
}
