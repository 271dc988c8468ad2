package io.htlnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors end as one clear line and exit code 2, not a stack trace. */
class CliTest {
  @TempDir Path dir;

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(err, true), args);
    return new Outcome(code, err.toString());
  }

  @Test
  void anUnknownConfigKeyIsOneLineNamingTheKey() {
    Outcome outcome = run("train", "--set", "train.epoch=3", "--out", dir.resolve("r").toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("error: --set: unknown config key 'train.epoch'");
    assertThat(outcome.err().strip().lines()).hasSize(1);
  }

  @Test
  void aBadDataFileIsOneLineWithItsLineAndColumn() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "u,i,t,c,b,y\nu1,i1,5,1,0,2.5\nu2,i2,6,1,x,3\n");
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "data:\n  format: csv\n  categorical: [u, i]\n  time: t\n  tasks: [c, b]\n  core: y\n");
    Outcome outcome = run("train", "--config", config.toString(), "--data", csv.toString(), "--out", dir.resolve("r").toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("error: " + csv + ":3:5: column 'b': label 'x' is not 0 or 1");
    assertThat(outcome.err().strip().lines()).hasSize(1);
  }

  @Test
  void evaluateRefusesAFolderThatIsNoRun() {
    Outcome outcome = run("evaluate", "--model", dir.toString(), "--data", "x.csv");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("error: " + dir + ": not a run folder");
  }
}
