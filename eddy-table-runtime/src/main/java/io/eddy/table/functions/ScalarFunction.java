package io.eddy.table.functions;

/**
 * A user function mapping scalar arguments to one value (Flink's ScalarFunction): the subclass
 * declares one or more public methods named {@code eval}; the planner picks the overload whose
 * parameters accept the call's argument types (a numeric argument may widen: INT to a
 * {@code long} parameter) and types the call by the method's return type (see
 * {@link JavaTypes}). A NULL argument for a primitive parameter makes the result NULL without a
 * call; boxed and reference parameters receive the null.
 */
public abstract class ScalarFunction extends UserDefinedFunction {
  private static final long serialVersionUID = 1L;
}
