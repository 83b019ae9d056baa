package io.eddy.sql.plan;

/**
 * EXPLAIN's text of a physical plan: one node per line, children indented under their parent
 * with Flink's {@code +-} markers, each with its changelog mode and upsert key.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String explain(PhysicalNode root) {
    StringBuilder sb = new StringBuilder();
    print(root, "", true, true, sb);
    return sb.toString();
  }

  private static void print(PhysicalNode node, String indent, boolean last, boolean root, StringBuilder sb) {
    sb.append(indent);
    if (!root) {
      sb.append("+- ");
    }
    sb.append(node.name()).append('(').append(node.attributes()).append(")")
        .append(", changelogMode=").append(node.changelogMode());
    int[] key = node.upsertKey();
    if (key != null) {
      sb.append(", upsertKeys=[").append(node.fields(key)).append(']');
    }
    sb.append('\n');
    String childIndent = root ? "" : indent + (last ? "   " : ":  ");
    for (int i = 0; i < node.inputs().size(); i++) {
      print(node.inputs().get(i), childIndent, i == node.inputs().size() - 1, false, sb);
    }
  }
}
