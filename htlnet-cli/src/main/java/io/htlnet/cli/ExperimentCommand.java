package io.htlnet.cli;

import io.htlnet.experiment.Experiment;
import io.htlnet.experiment.ExperimentConfig;
import io.htlnet.experiment.ExperimentReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Run an experiment's variants × seeds (resumable) and write results.csv and its report.")
final class ExperimentCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment file (see examples/experiments/).")
  Path config;

  @Option(names = "--data", paramLabel = "PATH", description = "Data file for every run (sets data.path).")
  String data;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1..N per variant (default: the file's 'seeds').")
  Integer seeds;

  @Option(names = "--out", paramLabel = "DIR", description = "Experiment folder (default: runs/experiments/<name>).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ExperimentConfig experiment = ExperimentConfig.load(config);
    Path folder = out != null ? out : Path.of("runs", "experiments", experiment.name());
    long start = System.nanoTime();
    Experiment.Outcome outcome = Experiment.run(experiment, config, data, seeds, folder, true);
    double minutes = (System.nanoTime() - start) / 60e9;
    String notes = String.format("Data `%s`; %d runs (%d trained now, %d resumed); %.1f minutes.",
        outcome.dataFingerprint(), outcome.results().size(), outcome.trained(), outcome.resumed(), minutes);
    ExperimentReport.write(experiment, outcome, outcome.taskChain(), folder, notes);
    System.out.println(notes);
    System.out.println("report: " + folder.resolve("report.md") + " (and report.html), results: " + folder.resolve(Experiment.RESULTS));
    return 0;
  }
}
