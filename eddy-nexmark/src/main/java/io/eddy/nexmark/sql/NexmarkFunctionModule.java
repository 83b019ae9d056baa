package io.eddy.nexmark.sql;

import io.eddy.sql.module.FunctionModule;
import io.eddy.table.functions.UserDefinedFunction;
import java.util.Map;

/** The functions Nexmark's SQL queries use without creating them: {@code count_char} (q14). */
public final class NexmarkFunctionModule implements FunctionModule {
  @Override
  public String name() {
    return "nexmark";
  }

  @Override
  public Map<String, Class<? extends UserDefinedFunction>> functions() {
    return Map.of("count_char", CountChar.class);
  }
}
