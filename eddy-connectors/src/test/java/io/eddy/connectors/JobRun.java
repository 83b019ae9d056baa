package io.eddy.connectors;

import io.eddy.api.connector.CollectSink;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bounded job to its end and keeps both its output and its result (counters, skipped
 * records), which executeAndCollect does not give. For tests with small outputs only: the
 * collecting queue must hold the whole output.
 */
public record JobRun<T>(List<T> output, JobExecutionResult result) {

  public static <T> JobRun<T> run(DataStream<T> stream) throws JobExecutionException, InterruptedException {
    CollectSink<T> sink = new CollectSink<>();
    try {
      stream.sinkTo(sink);
      JobExecutionResult result = stream.getExecutionEnvironment().execute();
      List<T> output = new ArrayList<>();
      sink.queue().drainTo(output);
      return new JobRun<>(output, result);
    } finally {
      sink.release();
    }
  }
}
