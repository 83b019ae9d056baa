package io.eddy.api.config;

/** Options set through {@link io.eddy.api.execution.ExecutionConfig}, under Flink's keys. */
public final class PipelineOptions {
  private PipelineOptions() {}

  public static final ConfigOption<String> RUNTIME_MODE = ConfigOption.stringOption(
      "execution.runtime-mode", "STREAMING",
      "STREAMING, BATCH or AUTOMATIC (BATCH when every source is bounded); Eddy runs STREAMING only.");

  public static final ConfigOption<String> CHECKPOINTING_MODE = ConfigOption.stringOption(
      "execution.checkpointing.mode", "EXACTLY_ONCE",
      "EXACTLY_ONCE or AT_LEAST_ONCE; Eddy always aligns barriers, which satisfies both.");

  public static final ConfigOption<Boolean> OBJECT_REUSE = ConfigOption.booleanOption(
      "pipeline.object-reuse", false,
      "Flink's object reuse switch: off, a chained operator gets a copy of each record (records of immutable "
          + "classes, such as Java records of strings and numbers, are not copied); on, the record itself, so a "
          + "function must not change its input or an object it emitted. Another task always gets a copy.");

  public static final ConfigOption<String> GLOBAL_JOB_PARAMETERS = ConfigOption.stringOption(
      "pipeline.global-job-parameters", "",
      "Parameters every function can read, as key:value pairs separated by commas.");
}
