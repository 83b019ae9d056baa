package io.eddy.api.metrics;

/** Rewrites a scope component or metric name for a reporter whose naming rules are stricter (JMX, Prometheus). */
@FunctionalInterface
public interface CharacterFilter {
  CharacterFilter NO_OP = input -> input;

  String filterCharacters(String input);
}
