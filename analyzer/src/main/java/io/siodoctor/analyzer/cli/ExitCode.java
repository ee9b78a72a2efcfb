package io.siodoctor.analyzer.cli;

/** The exit codes of the contract; scripts depend on them. */
public final class ExitCode {
  private ExitCode() {}

  public static final int HEALTHY = 0;
  public static final int CAUSES_FOUND = 1;
  public static final int USAGE = 2;
  public static final int UNREADABLE_INPUT = 3;
}
