package io.siodoctor.analyzer.scan;

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
 */
public record ScanOptions(int threads, TimeWindow window, ArchiveLimits limits, int chunkRecords, int maxExamples) {

  public static ScanOptions defaults() {
    return new ScanOptions(Runtime.getRuntime().availableProcessors(), TimeWindow.ALL, ArchiveLimits.DEFAULT,
        5_000, 5);
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(n, window, limits, chunkRecords, maxExamples);
  }

  public ScanOptions withWindow(TimeWindow w) {
    return new ScanOptions(threads, w, limits, chunkRecords, maxExamples);
  }

  public ScanOptions withLimits(ArchiveLimits l) {
    return new ScanOptions(threads, window, l, chunkRecords, maxExamples);
  }

  public ScanOptions withChunkRecords(int n) {
    return new ScanOptions(threads, window, limits, n, maxExamples);
  }
}
