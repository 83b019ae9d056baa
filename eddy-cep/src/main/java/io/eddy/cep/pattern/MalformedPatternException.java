package io.eddy.cep.pattern;

/** A pattern that cannot be compiled: duplicate names, quantifiers that do not combine, ... */
public class MalformedPatternException extends RuntimeException {
  public MalformedPatternException(String message) {
    super(message);
  }
}
