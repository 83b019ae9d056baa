package io.eddy.runtime.metrics;

import java.util.Map;

/**
 * A scope template such as {@code <host>.taskmanager.<tm_id>.<job_name>.<operator_name>.<subtask_index>}
 * (Flink's scope formats): dot-separated components, each either literal or a variable
 * replaced by its value. An unknown variable stays as written.
 */
public record ScopeFormat(String template) {
  public String[] format(Map<String, String> variables) {
    String[] components = template.split("\\.");
    for (int i = 0; i < components.length; i++) {
      String value = variables.get(components[i]);
      if (value != null) {
        components[i] = value;
      }
    }
    return components;
  }
}
