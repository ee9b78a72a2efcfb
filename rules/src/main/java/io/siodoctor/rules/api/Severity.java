package io.siodoctor.rules.api;

import java.util.Locale;

/** How bad a cause is for the user: {@code error} means it stops or breaks the connection. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lowercase name used in JSON and in the docs. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
