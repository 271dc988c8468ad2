package io.htlnet.cli;

import io.htlnet.config.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: user errors become one line and exit code 2, with the stack trace under --verbose. */
@Command(
    name = "htlnet",
    mixinStandardHelpOptions = true,
    version = "htlnet 0.1.0",
    description = "Train, evaluate and compare hybrid-target multi-task recommenders (HTLNet).",
    subcommands = {TrainCommand.class, EvaluateCommand.class, DemoCommand.class, ExperimentCommand.class, PredictCommand.class, ServeCommand.class, GenerateCommand.class, BenchCommand.class})
public final class Main {
  @Option(names = "--verbose", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(new PrintWriter(System.err, true), args));
  }

  static int run(PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main()).setErr(err);
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (verbose) {
        e.printStackTrace();
      }
      if (e instanceof InputException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return 2;
      }
      commandLine.getErr().println("error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
      return 1;
    });
    return cli.execute(args);
  }
}
