package io.htlnet.cli;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.InputException;
import io.htlnet.data.source.AvsFixture;
import io.htlnet.data.source.RecordSource;
import io.htlnet.data.source.SourceRecord;
import io.htlnet.data.source.SyntheticSource;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write data files: 'synthetic' (the demo's impressions as CSV) or 'avs' (a Kaggle Acquire Valued Shoppers transactions.csv fixture).")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "synthetic or avs")
  String kind;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(names = "--rows", description = "synthetic: impressions; avs: customers (default ${DEFAULT-VALUE}).", defaultValue = "10000")
  int rows;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Override
  public Integer call() {
    switch (kind) {
      case "avs" -> AvsFixture.write(out, rows, seed);
      case "synthetic" -> writeSynthetic();
      default -> throw new InputException("generate: unknown kind '" + kind + "'; available: synthetic, avs");
    }
    System.out.println("wrote " + out);
    return 0;
  }

  private void writeSynthetic() {
    var synthetic = ConfigLoader.load(null, List.of("data.synthetic.rows=" + rows)).data().synthetic();
    try (RecordSource source = new SyntheticSource(synthetic, seed); CsvWriter csv = CsvWriter.builder().build(out)) {
      csv.writeRecord(source.header());
      for (SourceRecord r = source.next(); r != null; r = source.next()) {
        csv.writeRecord(r.fields());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
