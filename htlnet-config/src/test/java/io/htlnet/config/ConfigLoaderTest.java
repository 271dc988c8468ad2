package io.htlnet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsAloneGiveAValidConfig() {
    HtlnetConfig config = ConfigLoader.load(null, List.of());
    assertThat(config.gradients().gamma()).isEqualTo(0.5);
    assertThat(config.gradients().cap()).isEqualTo(10.0);
    assertThat(config.model().tower()).containsExactly(128, 64);
    assertThat(config.data().split()).containsExactly(0.8, 0.1, 0.1);
  }

  @Test
  void fileThenOverridesWinOverDefaults() throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "train:\n  epochs: 3\nmodel:\n  tower: [32]\n");
    HtlnetConfig config = ConfigLoader.load(file, List.of("train.epochs=5", "gradients.scope=per_table"));
    assertThat(config.train().epochs()).isEqualTo(5);
    assertThat(config.train().batchSize()).isEqualTo(1024);
    assertThat(config.model().tower()).containsExactly(32);
    assertThat(config.gradients().perTable()).isTrue();
  }

  @Test
  void anUnknownKeyInAFileIsNamed() throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "train:\n  epoch: 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": unknown config key 'train.epoch'");
  }

  @Test
  void anUnknownOverrideKeyIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("train.batchsize=3")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--set: unknown config key 'train.batchsize'");
  }

  @Test
  void aWrongTypeNamesTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("train.epochs=many")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("config key 'train.epochs'");
  }

  @Test
  void anOutOfRangeValueNamesTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("gradients.gamma=1.5")))
        .isInstanceOf(InputException.class)
        .hasMessage("config key 'gradients.gamma': must be in [0, 1]");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("data.target.transform=log")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("config key 'data.target.transform' is 'log'; expected one of");
  }

  @Test
  void invalidYamlNamesLineAndColumn() throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "train:\n  epochs: [3\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageMatching(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: not valid YAML.*");
  }
}
