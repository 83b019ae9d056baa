package io.eddy.table.functions;

/**
 * What {@link UserDefinedFunction#open} can see of its runtime (Flink's FunctionContext; of its
 * methods only the class loader so far).
 */
public final class FunctionContext {
  private final ClassLoader userCodeClassLoader;

  public FunctionContext(ClassLoader userCodeClassLoader) {
    this.userCodeClassLoader = userCodeClassLoader;
  }

  /** The class loader of the function's code (the session's, with ADD JAR's jars). */
  public ClassLoader getUserCodeClassLoader() {
    return userCodeClassLoader;
  }
}
