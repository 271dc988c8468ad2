package io.htlnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Train HTLNet on the built-in synthetic data (no files needed) and print its test metrics.")
final class DemoCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/demo-<time>).")
  Path out;

  @Override
  public Integer call() {
    return TrainCommand.train(options.resolve(), out == null ? TrainCommand.defaultOut("demo") : out);
  }
}
