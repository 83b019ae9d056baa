package io.eddy.sql.plan;

import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.ChangelogMode;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelog each node of a physical plan produces once its consumers are known (Flink's
 * FlinkChangelogModeInferenceProgram, update-kind step). A node's {@link PhysicalNode#changelogMode()}
 * says which kinds of change it may emit, updates as -U/+U pairs; here the root's requirement goes
 * down the plan and every node that produces updates learns whether anyone needs its -U rows.
 *
 * <p>Rules, as Flink's: a node that consumes updates to compute its own (aggregate, rank, join, ...)
 * needs -U rows of its updating inputs (a temporal join's versioned table only +U rows); a node that forwards its inputs' changes (Calc, Union, ...)
 * passes on what its consumer needs, except that a Calc whose filter reads a field outside its
 * input's upsert key cannot forward an upsert stream (an update that leaves the filter would have
 * to become a delete, FLINK-9528; Flink's isNonUpsertKeyCondition); a node that
 * generates updates and {@link PhysicalNode#canOmitUpdateBefore() can omit} -U rows omits them when
 * asked for {@link UpdateKind#ONLY_UPDATE_AFTER}. The root's requirements are tried in order and
 * the first one the whole plan satisfies wins. Immutable.
 */
public final class ChangelogPlan {
  private final Map<PhysicalNode, UpdateKind> kinds;

  private ChangelogPlan(Map<PhysicalNode, UpdateKind> kinds) {
    this.kinds = kinds;
  }

  /**
   * Infers the plan under {@code root}, trying each of the root's {@code requirements} in turn
   * (ignored when the root produces no updates).
   */
  public static ChangelogPlan infer(PhysicalNode root, List<UpdateKind> requirements) {
    if (!updates(root)) {
      requirements = List.of(UpdateKind.NONE);
    }
    for (UpdateKind required : requirements) {
      Map<PhysicalNode, UpdateKind> kinds = new IdentityHashMap<>();
      if (visit(root, required, kinds)) {
        return new ChangelogPlan(kinds);
      }
    }
    throw new IllegalStateException("Can't generate a valid execution plan for the given query:\n" + root.name()
        + "(" + root.attributes() + ") cannot produce any of " + requirements);
  }

  /** Whether {@code node} emits -U rows. */
  public boolean updateBefore(PhysicalNode node) {
    return kindOf(node) == UpdateKind.BEFORE_AND_AFTER;
  }

  /** What {@code node} emits: its changelog mode, without -U unless a consumer needs them. */
  public ChangelogMode changelogMode(PhysicalNode node) {
    ChangelogMode mode = node.changelogMode();
    if (kindOf(node) != UpdateKind.ONLY_UPDATE_AFTER || !mode.contains(RowKind.UPDATE_BEFORE)) {
      return mode;
    }
    EnumSet<RowKind> kinds = EnumSet.copyOf(mode.kinds());
    kinds.remove(RowKind.UPDATE_BEFORE);
    return ChangelogMode.of(kinds);
  }

  private UpdateKind kindOf(PhysicalNode node) {
    UpdateKind kind = kinds.get(node);
    if (kind == null) {
      throw new IllegalArgumentException(node.name() + " is not a node of this plan");
    }
    return kind;
  }

  private static boolean updates(PhysicalNode node) {
    return node.changelogMode().contains(RowKind.UPDATE_AFTER);
  }

  /** Makes {@code node} satisfy {@code required}, recording what it and its inputs provide; false if it cannot. */
  private static boolean visit(PhysicalNode node, UpdateKind required, Map<PhysicalNode, UpdateKind> kinds) {
    UpdateKind provided;
    if (node.forwardsUpdates()) {
      if (required == UpdateKind.ONLY_UPDATE_AFTER && node.filtersUpdates()) {
        return false;
      }
      provided = UpdateKind.NONE;
      for (PhysicalNode input : node.inputs()) {
        if (!visit(input, updates(input) ? required : UpdateKind.NONE, kinds)) {
          return false;
        }
        UpdateKind given = kinds.get(input);
        if (given != UpdateKind.NONE) {
          if (provided != UpdateKind.NONE && provided != given) {
            return false;
          }
          provided = given;
        }
      }
    } else {
      for (int i = 0; i < node.inputs().size(); i++) {
        PhysicalNode input = node.inputs().get(i);
        if (!visit(input, updates(input) ? node.updatesNeededOf(i) : UpdateKind.NONE, kinds)) {
          return false;
        }
      }
      provided = !updates(node) ? UpdateKind.NONE
          : node.canOmitUpdateBefore() && required != UpdateKind.NONE ? required : UpdateKind.BEFORE_AND_AFTER;
    }
    if (required == UpdateKind.ONLY_UPDATE_AFTER && provided == UpdateKind.BEFORE_AND_AFTER) {
      return false;
    }
    UpdateKind earlier = kinds.putIfAbsent(node, provided);
    return earlier == null || earlier == provided;
  }
}
