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
 * The {@code eval} overload of a user function that a call's argument types select, and how
 * SQL values are passed to it. Resolution: every public {@code eval} whose parameters
 * {@link JavaTypes#accept} the arguments (a trailing varargs parameter takes any number), the
 * one with the most exactly typed parameters winning; ties go to the first in signature order,
 * so the choice is stable. Serializable (the method is found again by its parameter types).
 */
public final class EvalMethod implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Class<?> owner;
  private final Class<?>[] parameters;
  private final boolean varArgs;
  private transient Method method;

  private EvalMethod(Method method) {
    this.owner = method.getDeclaringClass();
    this.parameters = method.getParameterTypes();
    this.varArgs = method.isVarArgs();
    this.method = method;
  }

  /** The public eval methods of {@code function}, in signature order. */
  public static List<Method> candidates(Class<?> function) {
    List<Method> evals = new ArrayList<>();
    for (Method m : function.getMethods()) {
      if (m.getName().equals("eval") && !Modifier.isStatic(m.getModifiers())) {
        evals.add(m);
      }
    }
    evals.sort(Comparator.comparing(Method::toGenericString));
    return evals;
  }

  /** The overload for these argument types, or null if none accepts them. */
  public static EvalMethod resolve(Class<?> function, List<LogicalType> args) {
    Method best = null;
    int bestScore = -1;
    for (Method m : candidates(function)) {
      int score = score(m, args);
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best == null ? null : new EvalMethod(best);
  }

  /** -1 if {@code m} cannot take {@code args}, else the number of exactly typed arguments. */
  private static int score(Method m, List<LogicalType> args) {
    Class<?>[] params = m.getParameterTypes();
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
        method = owner.getMethod("eval", parameters);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("eval" + Arrays.toString(parameters) + " vanished from " + owner.getName(), e);
      }
    }
    return method;
  }

  /**
   * Calls the method on {@code instance} with SQL values; NULL (without a call) if a primitive
   * parameter would receive a null. Exceptions of the function are rethrown unwrapped.
   */
  public Object invoke(Object instance, Object[] sqlArgs) {
    int fixed = varArgs ? parameters.length - 1 : parameters.length;
    Object[] javaArgs = new Object[parameters.length];
    for (int i = 0; i < fixed; i++) {
      Object v = sqlArgs[i];
      if (v == null && parameters[i].isPrimitive()) {
        return null;
      }
      javaArgs[i] = v == null ? null : JavaTypes.convert(v, parameters[i]);
    }
    if (varArgs) {
      Class<?> component = parameters[fixed].getComponentType();
      Object rest = java.lang.reflect.Array.newInstance(component, sqlArgs.length - fixed);
      for (int i = fixed; i < sqlArgs.length; i++) {
        Object v = sqlArgs[i];
        if (v == null && component.isPrimitive()) {
          return null;
        }
        java.lang.reflect.Array.set(rest, i - fixed, v == null ? null : JavaTypes.convert(v, component));
      }
      javaArgs[fixed] = rest;
    }
    try {
      return method().invoke(instance, javaArgs);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(owner.getName() + ".eval failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(owner.getName() + ".eval is not accessible (the class must be public)", e);
    }
  }

  @Override
  public String toString() {
    return method().toGenericString();
  }
}
