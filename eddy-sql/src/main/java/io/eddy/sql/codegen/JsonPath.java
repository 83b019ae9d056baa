package io.eddy.sql.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQL/JSON path of Flink's JSON functions: {@code [lax|strict] $} followed by member steps
 * ({@code .name}, {@code ['name']}, {@code ["name"]}), array elements ({@code [n]}) and wildcards
 * ({@code .*}, {@code [*]}). Without a mode the path is strict, as Flink reads it. Evaluated as
 * Flink's (Jayway JsonPath under Calcite's JSON functions): a path without wildcards selects one
 * item or, when a step finds nothing, fails (strict) or selects nothing (lax); a path with
 * wildcards selects the array of all matches (a step before the first wildcard that finds nothing
 * fails or selects nothing as well). Text that is not JSON fails in strict mode and selects
 * nothing in lax mode. A JSON {@code null} selected counts as nothing.
 * Immutable; parsed once per call site.
 */
final class JsonPath implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** What a path selected: an item, nothing ({@code item} null), or a failure (strict mode, bad input). */
  record Result(JsonNode item, RuntimeException error) {
    static final Result NOTHING = new Result(null, null);

    boolean failed() {
      return error != null;
    }
  }

  private sealed interface Step extends java.io.Serializable {}

  private record Member(String name) implements Step {}

  private record Element(int index) implements Step {}

  private record Wildcard() implements Step {}

  private final boolean strict;
  private final List<Step> steps;
  private final boolean definite;

  private JsonPath(boolean strict, List<Step> steps) {
    this.strict = strict;
    this.steps = List.copyOf(steps);
    this.definite = steps.stream().noneMatch(s -> s instanceof Wildcard);
  }

  boolean strict() {
    return strict;
  }

  /** @throws IllegalArgumentException naming the path if it is not one */
  static JsonPath parse(String spec) {
    String text = spec.strip();
    boolean strict = true;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("lax ") || lower.startsWith("lax\t")) {
      strict = false;
      text = text.substring(3).strip();
    } else if (lower.startsWith("strict ") || lower.startsWith("strict\t")) {
      text = text.substring(6).strip();
    }
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("Illegal jsonpath spec: " + spec);
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int start = ++i;
        if (i < text.length() && text.charAt(i) == '[') {
          continue; // $.['name'], as Jayway reads it
        }
        if (i < text.length() && text.charAt(i) == '*') {
          steps.add(new Wildcard());
          i++;
          continue;
        }
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          i++;
        }
        if (i == start) {
          throw new IllegalArgumentException("Illegal jsonpath spec: " + spec);
        }
        steps.add(new Member(text.substring(start, i).strip()));
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("Illegal jsonpath spec: " + spec);
        }
        String inside = text.substring(i + 1, close).strip();
        if (inside.equals("*")) {
          steps.add(new Wildcard());
        } else if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
          steps.add(new Member(inside.substring(1, inside.length() - 1)));
        } else {
          try {
            steps.add(new Element(Integer.parseInt(inside)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Illegal jsonpath spec: " + spec, e);
          }
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("Illegal jsonpath spec: " + spec);
      }
    }
    return new JsonPath(strict, steps);
  }

  /** What the path selects in {@code document}. */
  Result select(JsonNode document) {
    List<JsonNode> current = List.of(document);
    boolean afterWildcard = false;
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        switch (step) {
          case Member m -> {
            JsonNode child = node.isObject() ? node.get(m.name()) : null;
            if (child != null) {
              next.add(child);
            } else if (!afterWildcard) {
              return missing("No results for path: " + m.name());
            }
          }
          case Element e -> {
            int index = e.index() < 0 && node.isArray() ? node.size() + e.index() : e.index();
            JsonNode child = node.isArray() && index >= 0 && index < node.size() ? node.get(index) : null;
            if (child != null) {
              next.add(child);
            } else if (!afterWildcard) {
              return missing("No results for index: " + e.index());
            }
          }
          case Wildcard w -> node.forEach(next::add);
        }
      }
      current = next;
      afterWildcard |= step instanceof Wildcard;
    }
    if (!definite) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      current.forEach(all::add);
      return new Result(all, null);
    }
    JsonNode item = current.get(0);
    return item.isNull() ? Result.NOTHING : new Result(item, null);
  }

  Result missing(String message) {
    return strict ? new Result(null, new IllegalArgumentException(message)) : Result.NOTHING;
  }
}
