package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.archive.ArchiveLimits;

/**
 * How a batch scan runs.
 *
 * @param threads files parsed at once
 * @param window records outside are ignored
 * @param limits archive limits (zip bombs)
 * @param chunkRecords a file is analysed in chunks of this many records the rules read (log lines
 *     no parser recognised are not counted), so one huge file does not need its size in heap; files
 *     below it are analysed exactly as {@code analyze} would
 * @param maxExamples examples kept per cause
 * @param togetherBytes the files of an incident (one directory) up to this many bytes in all are read
 *     by one task into the same chunks, so that the rules see them together as in {@code analyze};
 *     a bigger incident's files are read in parallel, each in its own chunks, and merged
 * @param filter which members are read ({@code --include}/{@code --exclude})
 */
public record ScanOptions(int threads, TimeWindow window, ArchiveLimits limits, int chunkRecords, int maxExamples,
    long togetherBytes, MemberFilter filter) {

  /** A small incident: a capture's HAR and logs, not a night of a fleet's logs. */
  public static final long TOGETHER_BYTES = 32L << 20;

  public ScanOptions(int threads, TimeWindow window, ArchiveLimits limits, int chunkRecords, int maxExamples) {
    this(threads, window, limits, chunkRecords, maxExamples, TOGETHER_BYTES, MemberFilter.ALL);
  }

  public static ScanOptions defaults() {
    return new ScanOptions(Runtime.getRuntime().availableProcessors(), TimeWindow.ALL, ArchiveLimits.DEFAULT,
        5_000, 5);
  }

  public ScanOptions withTogetherBytes(long n) {
    return new ScanOptions(threads, window, limits, chunkRecords, maxExamples, n, filter);
  }

  public ScanOptions withFilter(MemberFilter f) {
    return new ScanOptions(threads, window, limits, chunkRecords, maxExamples, togetherBytes, f);
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(n, window, limits, chunkRecords, maxExamples, togetherBytes, filter);
  }

  public ScanOptions withWindow(TimeWindow w) {
    return new ScanOptions(threads, w, limits, chunkRecords, maxExamples, togetherBytes, filter);
  }

  public ScanOptions withLimits(ArchiveLimits l) {
    return new ScanOptions(threads, window, l, chunkRecords, maxExamples, togetherBytes, filter);
  }

  public ScanOptions withChunkRecords(int n) {
    return new ScanOptions(threads, window, limits, n, maxExamples, togetherBytes, filter);
  }
}
