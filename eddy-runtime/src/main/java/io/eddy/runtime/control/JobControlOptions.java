package io.eddy.runtime.control;

import io.eddy.api.config.ConfigOption;
import java.nio.file.Path;

/** Where running jobs of this machine can be reached by {@code eddy list / savepoint / stop}. */
public final class JobControlOptions {
  private JobControlOptions() {}

  public static final ConfigOption<String> CONTROL_DIR = ConfigOption.stringOption(
      "execution.control-dir", "",
      "Local folder where every running job has a folder <job id>/ with job.properties and the requests "
          + "(savepoint, stop) that eddy savepoint/stop leave for it. Default: <java.io.tmpdir>/eddy-jobs.");

  /** The folder named by the option's value, or the default. */
  public static Path resolve(String value) {
    return (value == null || value.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "eddy-jobs")
        : Path.of(value)).toAbsolutePath().normalize();
  }
}
