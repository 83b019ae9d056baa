package io.eddy.cli.config;

import io.eddy.api.config.ConfigOptionRegistry;
import io.eddy.api.config.Configuration;
import io.eddy.state.disagg.DisaggregatedOptions;
import picocli.CommandLine.Option;

/**
 * The {@code --fs-read-latency D} option of the commands that measure the disaggregated backend: a
 * stand-in for a remote store on one machine ({@code state.disaggregated.fs-read-latency}).
 */
public final class FsReadLatencyArgs {
  @Option(names = "--fs-read-latency", paramLabel = "D", description = "Add D (e.g. 5ms) to every read the "
      + "disaggregated backend makes of its primary copy; block-cache hits are not delayed "
      + "(state.disaggregated.fs-read-latency).")
  String latency;

  /** The configuration with the flag's value, when given (the flag wins over the file and -D). */
  public Configuration applyTo(Configuration conf) {
    if (latency != null) {
      conf.set(DisaggregatedOptions.FS_READ_LATENCY.key(), latency);
      ConfigOptionRegistry.load().validate(conf);
    }
    return conf;
  }
}
