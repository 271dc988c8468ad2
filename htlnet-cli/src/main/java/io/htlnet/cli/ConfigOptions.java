package io.htlnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.htlnet.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that builds a config shares: --config, --data and --set. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML config; keys not given keep their defaults.")
  Path config;

  @Option(names = "--data", paramLabel = "PATH", description = "Data file (sets data.path).")
  String data;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key, e.g. --set train.epochs=3 (repeatable).")
  List<String> overrides = new ArrayList<>();

  ObjectNode resolve() {
    var all = new ArrayList<String>();
    if (data != null) {
      all.add("data.path=" + quoted(data));
    }
    all.addAll(overrides);
    return ConfigLoader.resolve(config, all);
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
