package io.eddy.api.execution;

import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.config.PipelineOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Flink's ExecutionConfig, as a view of the environment's configuration: what a job sets here
 * is what {@code -D key=value} or conf/eddy.yaml would set, under the same keys.
 */
public final class ExecutionConfig {
  private final Configuration configuration;

  public ExecutionConfig(Configuration configuration) {
    this.configuration = configuration;
  }

  /** Parameters a job makes visible to its functions, such as a {@code ParameterTool}. */
  public abstract static class GlobalJobParameters implements Serializable {
    /** The parameters as strings. */
    public abstract Map<String, String> toMap();
  }

  public ExecutionConfig setAutoWatermarkInterval(long intervalMillis) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("The auto watermark interval must not be negative, got " + intervalMillis);
    }
    configuration.set(CoreOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(intervalMillis));
    return this;
  }

  public long getAutoWatermarkInterval() {
    return configuration.get(CoreOptions.AUTO_WATERMARK_INTERVAL).toMillis();
  }

  public ExecutionConfig setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, got " + parallelism);
    }
    configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return this;
  }

  public int getParallelism() {
    return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
  }

  public ExecutionConfig setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > 32768) {
      throw new IllegalArgumentException("Max parallelism must be in [1, 32768], got " + maxParallelism);
    }
    configuration.set(CoreOptions.MAX_PARALLELISM, maxParallelism);
    return this;
  }

  public int getMaxParallelism() {
    return configuration.get(CoreOptions.MAX_PARALLELISM);
  }

  public ExecutionConfig enableObjectReuse() {
    configuration.set(PipelineOptions.OBJECT_REUSE, true);
    return this;
  }

  public ExecutionConfig disableObjectReuse() {
    configuration.set(PipelineOptions.OBJECT_REUSE, false);
    return this;
  }

  public boolean isObjectReuseEnabled() {
    return configuration.get(PipelineOptions.OBJECT_REUSE);
  }

  /** Makes the parameters readable by every function ({@code getRuntimeContext().getGlobalJobParameters()}). */
  public void setGlobalJobParameters(GlobalJobParameters parameters) {
    configuration.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, JobParameters.format(parameters.toMap()));
  }

  /** The global job parameters as a string map (empty when none were set). */
  public Map<String, String> getGlobalJobParameters() {
    return JobParameters.parse(configuration.get(PipelineOptions.GLOBAL_JOB_PARAMETERS));
  }
}
