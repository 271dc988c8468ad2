package io.htlnet.data;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.DataConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small CSV files and configs for the data tests. */
final class TestData {
  static final String HEADER = "user,item,price,ts,click,buy,amount";

  private TestData() {}

  static Path csv(Path dir, String... lines) {
    Path file = dir.resolve("data.csv");
    try {
      Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static DataConfig config(Path file, String... overrides) {
    var all = new ArrayList<>(List.of(
        "data.format=csv", "data.path='" + file + "'", "data.categorical=[user, item]", "data.numeric=[price]",
        "data.time=ts", "data.tasks=[click, buy]", "data.core=amount"));
    all.addAll(List.of(overrides));
    return ConfigLoader.load(null, all).data();
  }
}
