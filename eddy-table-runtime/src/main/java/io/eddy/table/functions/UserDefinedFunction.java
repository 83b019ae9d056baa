package io.eddy.table.functions;

import java.io.Serializable;

/**
 * Base of the functions a SQL user writes in Java and registers with {@code CREATE FUNCTION name
 * AS 'class.Name'} (Flink's {@code org.apache.flink.table.functions.UserDefinedFunction}). The
 * class needs a public no-argument constructor; each parallel copy of an operator gets its own
 * instance (shipped by serialization), opened once before its first call.
 */
public abstract class UserDefinedFunction implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Called once per instance before the first evaluation. */
  public void open(FunctionContext context) throws Exception {}

  /** Called when the instance is no longer used, if its operator closes it. */
  public void close() throws Exception {}
}
