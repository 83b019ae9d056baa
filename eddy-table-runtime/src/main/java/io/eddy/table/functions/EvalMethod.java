package io.eddy.table.functions;

import io.eddy.table.types.LogicalType;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code eval} overload of a user function that a call's argument types select (or the
 * {@code accumulate}/{@code retract} overload of an aggregate function, whose first parameter,
 * the accumulator, is not an SQL argument), and how SQL values are passed to it. Resolution:
 * every public method of that name whose SQL parameters {@link JavaTypes#accept} the arguments
 * (a trailing varargs parameter takes any number), the one with the most exactly typed
 * parameters winning; ties go to the first in signature order, so the choice is stable.
 * Serializable (the method is found again by its name and parameter types).
 */
public final class EvalMethod implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Class<?> owner;
  private final String name;
  private final int leading;
  private final Class<?>[] parameters;
  private final boolean varArgs;
  private transient Method method;

  private EvalMethod(Method method, int leading) {
    this.owner = method.getDeclaringClass();
    this.name = method.getName();
    this.leading = leading;
    this.parameters = method.getParameterTypes();
    this.varArgs = method.isVarArgs();
    this.method = method;
  }

  /** The public eval methods of {@code function}, in signature order. */
  public static List<Method> candidates(Class<?> function) {
    return candidates(function, "eval", 0);
  }

  /** The public methods named {@code name} with at least {@code leading} parameters, in signature order. */
  public static List<Method> candidates(Class<?> function, String name, int leading) {
    List<Method> evals = new ArrayList<>();
    for (Method m : function.getMethods()) {
      if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() >= leading
          && !(m.isVarArgs() && m.getParameterCount() == leading)) {
        evals.add(m);
      }
    }
    evals.sort(Comparator.comparing(Method::toGenericString));
    return evals;
  }

  /** The overload for these argument types, or null if none accepts them. */
  public static EvalMethod resolve(Class<?> function, List<LogicalType> args) {
    return resolve(function, "eval", 0, args);
  }

  /**
   * The overload of method {@code name} for these argument types, its first {@code leading}
   * parameters not being SQL arguments; null if none accepts them.
   */
  public static EvalMethod resolve(Class<?> function, String name, int leading, List<LogicalType> args) {
    Method best = null;
    int bestScore = -1;
    for (Method m : candidates(function, name, leading)) {
      int score = score(m, leading, args);
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best == null ? null : new EvalMethod(best, leading);
  }

  /** -1 if {@code m} cannot take {@code args}, else the number of exactly typed arguments. */
  private static int score(Method m, int leading, List<LogicalType> args) {
    Class<?>[] all = m.getParameterTypes();
    Class<?>[] params = Arrays.copyOfRange(all, leading, all.length);
    int fixed = m.isVarArgs() ? params.length - 1 : params.length;
    if (args.size() < fixed || (!m.isVarArgs() && args.size() != fixed)) {
      return -1;
    }
    int exact = 0;
    for (int i = 0; i < args.size(); i++) {
      Class<?> p = i < fixed ? params[i] : params[fixed].getComponentType();
      if (!JavaTypes.accepts(p, args.get(i))) {
        return -1;
      }
      exact += JavaTypes.exact(p, args.get(i)) ? 1 : 0;
    }
    return exact;
  }

  public Method method() {
    if (method == null) {
      try {
        method = owner.getMethod(name, parameters);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(name + Arrays.toString(parameters) + " vanished from " + owner.getName(), e);
      }
    }
    return method;
  }

  /**
   * Calls the method on {@code instance} with SQL values; NULL (without a call) if a primitive
   * parameter would receive a null. Exceptions of the function are rethrown unwrapped.
   */
  public Object invoke(Object instance, Object[] sqlArgs) {
    return invokeWith(instance, new Object[0], sqlArgs);
  }

  /**
   * As {@link #invoke}, passing {@code leadingArgs} (as many as the method's leading non-SQL
   * parameters, e.g. the accumulator) first, unconverted.
   */
  public Object invokeWith(Object instance, Object[] leadingArgs, Object[] sqlArgs) {
    int fixed = varArgs ? parameters.length - 1 : parameters.length;
    Object[] javaArgs = new Object[parameters.length];
    System.arraycopy(leadingArgs, 0, javaArgs, 0, leading);
    for (int i = leading; i < fixed; i++) {
      Object v = sqlArgs[i - leading];
      if (v == null && parameters[i].isPrimitive()) {
        return null;
      }
      javaArgs[i] = v == null ? null : JavaTypes.convert(v, parameters[i]);
    }
    if (varArgs) {
      Class<?> component = parameters[fixed].getComponentType();
      int sqlFixed = fixed - leading;
      Object rest = java.lang.reflect.Array.newInstance(component, sqlArgs.length - sqlFixed);
      for (int i = sqlFixed; i < sqlArgs.length; i++) {
        Object v = sqlArgs[i];
        if (v == null && component.isPrimitive()) {
          return null;
        }
        java.lang.reflect.Array.set(rest, i - sqlFixed, v == null ? null : JavaTypes.convert(v, component));
      }
      javaArgs[fixed] = rest;
    }
    try {
      return method().invoke(instance, javaArgs);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(owner.getName() + "." + name + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(owner.getName() + "." + name + " is not accessible (the class must be public)", e);
    }
  }

  @Override
  public String toString() {
    return method().toGenericString();
  }
}
