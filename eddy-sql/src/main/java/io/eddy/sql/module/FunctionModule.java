package io.eddy.sql.module;

import io.eddy.table.functions.UserDefinedFunction;
import java.util.Map;

/**
 * A set of functions a library brings to every SQL session (Flink's Module, which a Flink user
 * loads with LOAD MODULE): implementations listed in
 * {@code META-INF/services/io.eddy.sql.module.FunctionModule} are loaded when a session starts,
 * so e.g. eddy-nexmark's {@code count_char} is there for Nexmark's q14 as Flink's Nexmark
 * harness registers it. A function the user creates with the same name hides the module's.
 */
public interface FunctionModule {
  /** The module's name, as SHOW MODULES lists it. */
  String name();

  /** Functions by name. */
  Map<String, Class<? extends UserDefinedFunction>> functions();
}
