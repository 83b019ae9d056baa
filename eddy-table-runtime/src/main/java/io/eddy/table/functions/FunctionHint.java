package io.eddy.table.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a user function's output type where the Java signature cannot (Flink's FunctionHint
 * with an output DataTypeHint): a SQL type as DDL writes it, e.g.
 * {@code @FunctionHint(output = "ROW<word STRING, length INT>")} on a {@link TableFunction}, or
 * {@code "DECIMAL(10, 2)"} on a ScalarFunction returning BigDecimal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FunctionHint {
  String output();
}
