package io.siodoctor.rules.pack;

/** A rule pack that cannot be used: which file, which field, what is wrong. */
public final class RulePackException extends Exception {
  private static final long serialVersionUID = 1L;

  public RulePackException(String file, String field, String what) {
    super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + what);
  }
}
