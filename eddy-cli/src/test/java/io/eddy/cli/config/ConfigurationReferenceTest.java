package io.eddy.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.ConfigOptionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is what {@link ConfigurationReference} generates from the options of
 * every bundled module: this fails when an option changed and the file was not regenerated
 * (with -Deddy.docs.write=true it rewrites the file instead).
 */
class ConfigurationReferenceTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void theReferenceIsUpToDate() throws Exception {
    ConfigOptionRegistry registry = ConfigOptionRegistry.load();
    String generated = ConfigurationReference.markdown(registry);
    if (Boolean.getBoolean("eddy.docs.write")) {
      Files.writeString(DOC, generated);
    }
    assertThat(Files.exists(DOC)).as(DOC + " exists").isTrue();
    assertThat(Files.readString(DOC))
        .as("docs/configuration.md is stale: regenerate it with -Deddy.docs.write=true (see its header)")
        .isEqualTo(generated);
    registry.byClass().values().forEach(options -> options.forEach(o ->
        assertThat(generated).contains("`" + o.key() + "`")));
    assertThat(registry.find("state.backend.rocksdb.memory.size")).isNotNull();
    assertThat(registry.find("state.disaggregated.dir")).isNotNull();
    assertThat(registry.find("execution.control-dir")).isNotNull();
  }
}
