package io.eddy.sql.planner;

import io.eddy.sql.plan.CalcNode;
import io.eddy.sql.plan.PhysicalNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Merges a Calc into the Calc below it (Flink's FlinkCalcMergeRule, applied as the physical plan
 * is built): the upper expressions read the lower projections directly instead of a row the
 * lower Calc materialized. Views, computed columns and the root's projection each add a Calc, so
 * a row of a Nexmark query passed through three of them, each building a row. The lower
 * condition is checked first and the upper one only for rows it keeps, so an upper expression
 * never sees a row the lower Calc dropped. Not merged when a lower projection is
 * non-deterministic (it would be evaluated once per use).
 */
final class CalcMerge {
  /**
   * What a Calc computes over its input: its conditions, each checked only for rows the ones before
   * it kept (none: no filter), and its projections.
   */
  record Program(PhysicalNode input, List<RexNode> conditions, List<RexNode> projections) {}

  private final Map<CalcNode, Program> programs = new IdentityHashMap<>();

  /** Records what {@code calc} computes, so that a Calc over it can merge with it. */
  void built(CalcNode calc, Program program) {
    programs.put(calc, program);
  }

  /** The Calc of {@code condition} and {@code projections} over {@code input}, merged with input if it is a Calc. */
  Program merge(PhysicalNode input, RexNode condition, List<RexNode> projections) {
    Program lower = input instanceof CalcNode calc ? programs.get(calc) : null;
    if (lower == null || !lower.projections().stream().allMatch(RexUtil::isDeterministic)) {
      return new Program(input, condition == null ? List.of() : List.of(condition), projections);
    }
    RexShuttle inline = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return lower.projections().get(ref.getIndex());
      }
    };
    List<RexNode> merged = new ArrayList<>(projections.size());
    for (RexNode p : projections) {
      merged.add(p.accept(inline));
    }
    List<RexNode> conditions = new ArrayList<>(lower.conditions());
    if (condition != null) {
      conditions.add(condition.accept(inline));
    }
    return new Program(lower.input(), conditions, merged);
  }
}
