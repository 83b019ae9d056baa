package io.eddy.api.config;

import java.time.Duration;

/**
 * Metric scopes and reporters, with Flink's keys. A reporter named {@code <name>} is configured
 * by the keys {@code metrics.reporter.<name>.*}: every name that has a {@code factory.class} (or
 * {@code class}) is started, or only those listed in {@code metrics.reporters} when it is set.
 * Keys with {@code <name>} or {@code <parameter>} in them stand for any text there.
 */
public final class MetricOptions {
  private MetricOptions() {}

  public static final ConfigOption<String> REPORTERS_LIST = ConfigOption.stringOption(
      "metrics.reporters", "",
      "Comma-separated names of the reporters to start; empty starts every reporter configured below.");

  public static final ConfigOption<String> REPORTER_FACTORY_CLASS = ConfigOption.stringOption(
      "metrics.reporter.<name>.factory.class", "",
      "Class of the MetricReporterFactory that creates reporter <name>, e.g. "
          + "io.eddy.runtime.metrics.reporter.LoggingReporterFactory or io.eddy.runtime.metrics.reporter.JmxReporterFactory.");

  public static final ConfigOption<String> REPORTER_CLASS = ConfigOption.stringOption(
      "metrics.reporter.<name>.class", "",
      "Class of reporter <name> itself (a MetricReporter with a public no-argument constructor), instead of a factory.");

  public static final ConfigOption<Duration> REPORTER_INTERVAL = ConfigOption.durationOption(
      "metrics.reporter.<name>.interval", Duration.ofSeconds(10),
      "How often a scheduled reporter (one that implements Scheduled) reports.");

  public static final ConfigOption<String> REPORTER_PARAMETER = ConfigOption.stringOption(
      "metrics.reporter.<name>.<parameter>", "",
      "Any other parameter of reporter <name>: handed to it (without the prefix) when it is opened.");

  public static final ConfigOption<String> SCOPE_NAMING_JM_JOB = ConfigOption.stringOption(
      "metrics.scope.jm.job", "<host>.jobmanager.<job_name>",
      "Scope of a job's own metrics (restarts, checkpoints). Variables: <host>, <job_id>, <job_name>.");

  public static final ConfigOption<String> SCOPE_NAMING_TASK = ConfigOption.stringOption(
      "metrics.scope.task", "<host>.taskmanager.<tm_id>.<job_name>.<task_name>.<subtask_index>",
      "Scope of a task's metrics. Variables: <host>, <tm_id>, <job_id>, <job_name>, <task_name>, <subtask_index>, "
          + "<attempt_num>.");

  public static final ConfigOption<String> SCOPE_NAMING_OPERATOR = ConfigOption.stringOption(
      "metrics.scope.operator", "<host>.taskmanager.<tm_id>.<job_name>.<operator_name>.<subtask_index>",
      "Scope of an operator's metrics. Variables: those of the task scope, <operator_id>, <operator_name>.");

  /** The option {@code template} (a key with {@code <name>}) for reporter {@code reporter}. */
  public static <T> ConfigOption<T> forReporter(ConfigOption<T> template, String reporter) {
    return new ConfigOption<>(template.key().replace("<name>", reporter), template.defaultValue(), template.parser(),
        template.description());
  }
}
