package io.siodoctor.analyzer.cli;

/** The exit codes of the contract; scripts depend on them. */
public final class ExitCode {
  private ExitCode() {}

  public static final int HEALTHY = 0;
  public static final int CAUSES_FOUND = 1;
  public static final int USAGE = 2;
  public static final int UNREADABLE_INPUT = 3;
  /** Analysis complete, verdict {@code inconclusive}: no cause proven, and no proof of health. */
  public static final int INCONCLUSIVE = 4;
  /** The launcher could not build or start the tool (no JDK or Maven, build failed). */
  public static final int LAUNCH_FAILED = 5;
}
