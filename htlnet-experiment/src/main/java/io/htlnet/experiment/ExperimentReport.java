package io.htlnet.experiment;

import io.htlnet.train.AtomicFiles;
import io.htlnet.train.Charts;
import io.htlnet.train.RunFolder;
import io.htlnet.train.StepLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report of an experiment, as {@code report.md} and {@code report.html}: per table, the paper's
 * Table 2 layout (mean ± std over seeds of AUC and LogLoss per classification task and of NRMSE,
 * NMAE, Gini, Spearman and XAUC for the core; the best mean bold; a two-sided Welch t-test of the
 * reference against the best other variant), and figures of the shared-gradient norms and of the
 * cosines with the core gradient, for the two variants the experiment compares.
 */
public final class ExperimentReport {
  private ExperimentReport() {}

  /** A column: a task's metric on the test split, and whether higher is better. */
  record Column(String task, String metric, boolean higherIsBetter) {
    String key() {
      return "test." + task + "." + metric;
    }

    String title() {
      return task + " " + switch (metric) {
        case "auc" -> "AUC";
        case "logloss" -> "LogLoss";
        case "nrmse" -> "NRMSE";
        case "nmae" -> "NMAE";
        case "gini" -> "Gini";
        case "spearman" -> "Spearman";
        default -> "XAUC";
      };
    }
  }

  static List<Column> columns(List<String> taskChain) {
    var columns = new ArrayList<Column>();
    for (String task : taskChain.subList(0, taskChain.size() - 1)) {
      columns.add(new Column(task, "auc", true));
      columns.add(new Column(task, "logloss", false));
    }
    String core = taskChain.get(taskChain.size() - 1);
    columns.add(new Column(core, "nrmse", false));
    columns.add(new Column(core, "nmae", false));
    columns.add(new Column(core, "gini", true));
    columns.add(new Column(core, "spearman", true));
    columns.add(new Column(core, "xauc", true));
    return columns;
  }

  static double[] samples(List<Experiment.RunResult> results, String variant, String key) {
    return results.stream().filter(r -> r.variant().equals(variant) && r.metrics().containsKey(key))
        .mapToDouble(r -> r.metrics().get(key)).toArray();
  }

  private static double mean(double[] values) {
    return java.util.Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** Two-sided Welch t-test p-value; NaN with fewer than two seeds on a side or no variance at all. */
  static double welchP(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return Double.NaN;
    }
    SummaryStatistics sa = new SummaryStatistics();
    SummaryStatistics sb = new SummaryStatistics();
    java.util.Arrays.stream(a).forEach(sa::addValue);
    java.util.Arrays.stream(b).forEach(sb::addValue);
    if (sa.getVariance() == 0 && sb.getVariance() == 0) {
      return Double.NaN;
    }
    return new TTest().tTest(sa, sb);
  }

  static String table(ExperimentConfig.Table table, String reference, List<Column> columns, List<Experiment.RunResult> results) {
    var out = new StringBuilder("| variant |");
    columns.forEach(c -> out.append(' ').append(c.title()).append(" |"));
    out.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
    double[][] means = new double[table.variants().size()][columns.size()];
    for (int v = 0; v < table.variants().size(); v++) {
      for (int c = 0; c < columns.size(); c++) {
        means[v][c] = mean(samples(results, table.variants().get(v), columns.get(c).key()));
      }
    }
    for (int v = 0; v < table.variants().size(); v++) {
      String variant = table.variants().get(v);
      out.append("| ").append(variant.equals(reference) ? "**" + variant + "**" : variant).append(" |");
      for (int c = 0; c < columns.size(); c++) {
        double[] values = samples(results, variant, columns.get(c).key());
        SummaryStatistics stats = new SummaryStatistics();
        java.util.Arrays.stream(values).forEach(stats::addValue);
        String cell = String.format("%.4f ± %.4f", stats.getMean(), values.length > 1 ? stats.getStandardDeviation() : 0.0);
        boolean best = best(means, c, columns.get(c).higherIsBetter(), -1) == v;
        out.append(' ').append(best ? "**" + cell + "**" : cell).append(" |");
      }
      out.append('\n');
    }
    int referenceRow = table.variants().indexOf(reference);
    if (referenceRow >= 0 && table.variants().size() > 1) {
      out.append("| p (").append(reference).append(" vs best other) |");
      for (int c = 0; c < columns.size(); c++) {
        int other = best(means, c, columns.get(c).higherIsBetter(), referenceRow);
        String otherName = table.variants().get(other);
        double p = welchP(samples(results, reference, columns.get(c).key()), samples(results, otherName, columns.get(c).key()));
        out.append(Double.isNaN(p) ? " – |" : String.format(" %.3g (vs %s) |", p, otherName));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The row with the best mean in column c, skipping row {@code except}. */
  private static int best(double[][] means, int c, boolean higherIsBetter, int except) {
    return IntStream.range(0, means.length).filter(v -> v != except && !Double.isNaN(means[v][c]))
        .boxed().max((x, y) -> Double.compare(higherIsBetter ? means[x][c] : -means[x][c], higherIsBetter ? means[y][c] : -means[y][c]))
        .orElse(-1);
  }

  /** Writes report.md, report.html and the figures into {@code out}. */
  public static void write(ExperimentConfig config, Experiment.Outcome outcome, List<String> taskChain, Path out, String notes) {
    List<Column> columns = columns(taskChain);
    var md = new StringBuilder("# Experiment ").append(config.name()).append("\n\n").append(notes).append("\n\n");
    md.append("Test-split metrics, mean ± sample standard deviation over seeds; the best mean of each column in bold. ")
        .append("The last row is the two-sided Welch t-test of the reference against the variant with the best mean among the others. ")
        .append("Every run is in `runs/VARIANT/seed-N/`; every number is in `").append(Experiment.RESULTS).append("`.\n\n");
    for (ExperimentConfig.Table table : config.tables()) {
      md.append("## ").append(table.title()).append("\n\n").append(table(table, config.reference(), columns, outcome.results())).append('\n');
    }
    if (config.figures() != null) {
      md.append(figures(config, taskChain, out));
    }
    AtomicFiles.writeString(out.resolve("report.md"), md.toString());
    var extensions = List.of(TablesExtension.create());
    String body = HtmlRenderer.builder().extensions(extensions).build()
        .render(Parser.builder().extensions(extensions).build().parse(md.toString()));
    AtomicFiles.writeString(out.resolve("report.html"), "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>"
        + config.name() + "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:13px}"
        + "td,th{border:1px solid #ccc;padding:3px 6px}th{background:#f3f3f3}img{max-width:100%}</style></head><body>\n"
        + body + "</body></html>\n");
  }

  private static String figures(ExperimentConfig config, List<String> taskChain, Path out) {
    var norms = new ArrayList<XYChart>();
    var cosines = new ArrayList<XYChart>();
    for (String variant : List.of(config.figures().with(), config.figures().without())) {
      Path steps = out.resolve("runs").resolve(Experiment.slug(variant)).resolve("seed-1").resolve(RunFolder.STEPS);
      if (!Files.isRegularFile(steps)) {
        return "(figures: " + steps + " is missing)\n";
      }
      XYChart norm = Charts.line("Contribution to the shared update per task: " + variant, "step", "L2 norm");
      norm.getStyler().setYAxisLogarithmic(true);
      XYChart cosine = Charts.line("Cosine with the core gradient: " + variant, "step", "cosine");
      for (String task : taskChain) {
        double[] y = StepLog.column(steps, "applied_norm_" + task);
        add(norm, task, java.util.Arrays.stream(y).map(v -> Math.max(v, 1e-12)).toArray());
        if (!task.equals(taskChain.get(taskChain.size() - 1))) {
          add(cosine, task, StepLog.column(steps, "cosine_" + task));
        }
      }
      norms.add(norm);
      cosines.add(cosine);
    }
    Charts.writePng(out.resolve("gradient_norms.png"), norms, 2);
    Charts.writePng(out.resolve("gradient_cosines.png"), cosines, 2);
    return "## Shared gradients: " + config.figures().with() + " and " + config.figures().without() + " (seed 1)\n\n"
        + "Norm of each task's contribution to the shared-embedding update per step, after the gradient method "
        + "(the paper's Figure 5; with plain summation it is the task's own gradient):\n\n![gradient norms](gradient_norms.png)\n\n"
        + "Cosine of each classification task's shared gradient with the core task's, per step:\n\n![gradient cosines](gradient_cosines.png)\n";
  }

  private static void add(XYChart chart, String name, double[] y) {
    XYSeries series = chart.addSeries(name, IntStream.range(0, y.length).asDoubleStream().toArray(), y);
    series.setMarker(SeriesMarkers.NONE);
  }

}
