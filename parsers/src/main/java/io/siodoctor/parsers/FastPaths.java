package io.siodoctor.parsers;

/**
 * Where the fast paths for big inputs take over (splitting one file across cores, skipping HAR
 * subtrees at the token level, parsing HAR entries in parallel). Each fast path asks here for its
 * threshold, so one test setting can force every one of them on the small sample captures and show
 * the results are identical to the plain paths ({@code FastPathsAgreementTest}).
 */
public final class FastPaths {
  /** System property: {@code true} forces every fast path on, whatever the input's size (tests only). */
  public static final String FORCE_PROPERTY = "sio.fastpaths.force";

  private FastPaths() {}

  /** Whether the test setting forces every fast path on. */
  public static boolean forced() {
    return Boolean.getBoolean(FORCE_PROPERTY);
  }

  /**
   * The input size from which a fast path is used: {@code bytes}, or 0 when forced.
   *
   * @param bytes the size from which the fast path pays for itself on real inputs
   */
  public static long from(long bytes) {
    return forced() ? 0 : bytes;
  }
}
