package io.eddy.sql.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * The calls that a Calc's condition and projections share: each deterministic call that occurs
 * more than once among them (equal as Calcite's RexNodes are, by digest), numbered in the order
 * of first occurrence, for {@link io.eddy.sql.codegen.RexCompiler} to evaluate once per row.
 * q21 filters on {@code REGEXP_EXTRACT(url, ...) IS NOT NULL} and projects the same call.
 */
final class SharedCalls {
  private SharedCalls() {}

  /** Slot numbers of the shared calls of {@code expressions}; empty when they share none. */
  static Map<RexNode, Integer> of(List<RexNode> expressions) {
    Map<RexNode, Integer> occurrences = new LinkedHashMap<>();
    for (RexNode e : expressions) {
      count(e, occurrences);
    }
    Map<RexNode, Integer> slots = new LinkedHashMap<>();
    occurrences.forEach((call, n) -> {
      if (n > 1 && RexUtil.isDeterministic(call)) {
        slots.put(call, slots.size());
      }
    });
    return slots;
  }

  private static void count(RexNode node, Map<RexNode, Integer> occurrences) {
    if (node instanceof RexCall call) {
      occurrences.merge(call, 1, Integer::sum);
      for (RexNode operand : call.getOperands()) {
        count(operand, occurrences);
      }
    } else if (node instanceof RexFieldAccess access) {
      count(access.getReferenceExpr(), occurrences);
    }
  }
}
