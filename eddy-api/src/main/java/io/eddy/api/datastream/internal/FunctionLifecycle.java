package io.eddy.api.datastream.internal;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;

/**
 * Passes the rich-function lifecycle (runtime context, open, close) on to a user function that
 * an adapter wraps, if that function is rich: adapters must not hide open() from it.
 */
final class FunctionLifecycle {
  private FunctionLifecycle() {}

  static void setRuntimeContext(Object function, RuntimeContext context) {
    if (function instanceof RichFunction rich) {
      rich.setRuntimeContext(context);
    }
  }

  static void open(Object function, OpenContext openContext) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(openContext);
    }
  }

  static void close(Object function) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }
}
