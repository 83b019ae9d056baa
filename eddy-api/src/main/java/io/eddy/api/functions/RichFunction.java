package io.eddy.api.functions;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext} (state, subtask index).
 * {@code open} runs once per subtask before the first record, {@code close} after the last one
 * (also on failure).
 */
public interface RichFunction extends Function {
  void open(OpenContext openContext) throws Exception;

  void close() throws Exception;

  RuntimeContext getRuntimeContext();

  void setRuntimeContext(RuntimeContext context);
}
