package io.eddy.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigOptionRegistryTest {
  private final ConfigOptionRegistry registry = ConfigOptionRegistry.load();

  @Test
  void findsTheOptionsOfEddyApi() {
    assertThat(registry.find("state.backend.type")).isSameAs(CoreOptions.STATE_BACKEND);
    assertThat(registry.find("execution.state-recovery.path")).isSameAs(StateRecoveryOptions.PATH);
    assertThat(registry.byClass()).containsKeys(CoreOptions.class, CheckpointingOptions.class);
  }

  @Test
  void anUnknownKeyInEddysNamespacesNamesTheClosestKnownKey() {
    Configuration conf = new Configuration().set("state.bakend.type", "rocksdb");
    assertThatThrownBy(() -> registry.validate(conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown configuration key 'state.bakend.type'")
        .hasMessageContaining("did you mean 'state.backend.type'?");
    Configuration interval = new Configuration().set("execution.checkpointing.intervall", "1s");
    assertThatThrownBy(() -> registry.validate(interval))
        .hasMessageContaining("did you mean 'execution.checkpointing.interval'?");
  }

  @Test
  void keysOutsideEddysNamespacesAreLeftAlone() {
    registry.validate(new Configuration().set("my.connector.url", "x").set("eddy.s3.endpoint", "http://h"));
  }

  @Test
  void aBadValueOfAKnownKeyIsAnErrorNamingTheKey() {
    Configuration conf = new Configuration().set("execution.checkpointing.interval", "often");
    assertThatThrownBy(() -> registry.validate(conf))
        .hasMessageContaining("execution.checkpointing.interval").hasMessageContaining("often");
  }

  @Test
  void metricReporterKeysMatchTheirPlaceholderOptionsAndOtherMetricsKeysAreChecked() {
    assertThat(registry.find("metrics.reporter.jmx.factory.class")).isSameAs(MetricOptions.REPORTER_FACTORY_CLASS);
    assertThat(registry.find("metrics.reporter.my.interval")).isSameAs(MetricOptions.REPORTER_INTERVAL);
    assertThat(registry.find("metrics.reporter.my.port")).isSameAs(MetricOptions.REPORTER_PARAMETER);
    registry.validate(new Configuration().set("metrics.reporters", "jmx")
        .set("metrics.reporter.jmx.factory.class", "x.Y").set("metrics.reporter.jmx.port", "9020")
        .set("metrics.scope.operator", "<job_name>.<operator_name>"));
    assertThatThrownBy(() -> registry.validate(new Configuration().set("metrics.reporter.log.interval", "often")))
        .hasMessageContaining("metrics.reporter.log.interval").hasMessageContaining("often");
    assertThatThrownBy(() -> registry.validate(new Configuration().set("metrics.scope.operater", "x")))
        .hasMessageContaining("did you mean 'metrics.scope.operator'?");
  }

  @Test
  void editDistance() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    assertThat(EditDistance.between("same", "same")).isZero();
  }
}
