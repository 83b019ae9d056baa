package io.eddy.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigArgsTest {
  @TempDir
  Path dir;

  @Test
  void nestedAndFlatKeysOfTheFileBecomeDottedKeys() throws Exception {
    Files.writeString(dir.resolve("eddy.yaml"), """
        state:
          backend:
            type: rocksdb
          checkpoints.dir: /tmp/chk
        execution.checkpointing.interval: 10 s
        parallelism.default: 4
        my.list: [a, b]
        """);
    assertThat(ConfigFile.read(dir.resolve("eddy.yaml"))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "state.backend.type", "rocksdb", "state.checkpoints.dir", "/tmp/chk",
        "execution.checkpointing.interval", "10 s", "parallelism.default", "4", "my.list", "a;b"));
  }

  @Test
  void dashDOverridesTheFileAndBothAreChecked() throws Exception {
    Files.writeString(dir.resolve("eddy.yaml"), "state.backend.type: rocksdb\nparallelism.default: 3\n");
    ConfigArgs args = new ConfigArgs();
    args.dynamic.put("state.backend.type", "hashmap");
    Configuration conf = args.resolve(Map.of("EDDY_CONF_DIR", dir.toString()));
    assertThat(conf.toMap()).containsEntry("state.backend.type", "hashmap").containsEntry("parallelism.default", "3");

    Files.writeString(dir.resolve("eddy.yaml"), "state:\n  checkpoint:\n    dir: /x\n");
    assertThatThrownBy(() -> new ConfigArgs().resolve(Map.of("EDDY_CONF_DIR", dir.toString())))
        .hasMessageContaining("'state.checkpoint.dir'").hasMessageContaining("'state.checkpoints.dir'");
  }

  @Test
  void noFileIsNoConfiguration() {
    assertThat(new ConfigArgs().resolve(Map.of("EDDY_CONF_DIR", dir.resolve("none").toString())).toMap()).isEmpty();
  }

  @Test
  void aFileThatIsNotAMapIsAnErrorNamingIt() throws Exception {
    Files.writeString(dir.resolve("eddy.yaml"), "- a\n- b\n");
    assertThatThrownBy(() -> ConfigFile.read(dir.resolve("eddy.yaml")))
        .hasMessageContaining("eddy.yaml must be a map");
  }
}
