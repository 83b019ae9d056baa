package io.eddy.sql.plan;

/**
 * EXPLAIN's text of a physical plan: one node per line, children indented under their parent
 * with Flink's {@code +-} markers, each as Flink's EXPLAIN CHANGELOG_MODE prints it
 * ({@code Name(attributes, changelogMode=[I,UB,UA,D])}, a sink's {@code [NONE]}), plus its upsert
 * keys as Flink's plans with upsert keys show them ({@code upsertKeys=[[a, b], [c]]}).
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String explain(PhysicalNode root, ChangelogPlan changelog) {
    StringBuilder sb = new StringBuilder();
    print(root, changelog, "", true, true, sb);
    return sb.toString();
  }

  private static void print(PhysicalNode node, ChangelogPlan changelog, String indent, boolean last, boolean root, StringBuilder sb) {
    sb.append(indent);
    if (!root) {
      sb.append("+- ");
    }
    String attributes = node.attributes();
    sb.append(node.name()).append('(').append(attributes).append(attributes.isEmpty() ? "" : ", ")
        .append("changelogMode=").append(node instanceof SinkNode ? "[NONE]" : changelog.changelogMode(node).toString());
    UpsertKeys keys = node.upsertKeys();
    if (!keys.isEmpty() && !(node instanceof SinkNode)) {
      sb.append(", upsertKeys=[").append(keys.describe(node::field)).append(']');
    }
    sb.append(")\n");
    String childIndent = root ? "" : indent + (last ? "   " : ":  ");
    for (int i = 0; i < node.inputs().size(); i++) {
      print(node.inputs().get(i), changelog, childIndent, i == node.inputs().size() - 1, false, sb);
    }
  }
}
