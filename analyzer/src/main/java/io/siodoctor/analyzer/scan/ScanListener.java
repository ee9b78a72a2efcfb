package io.siodoctor.analyzer.scan;

/** Hears about each member as it finishes (jsonl output, progress). Called from many threads. */
public interface ScanListener {

  void fileDone(FileResult result);

  /** A file or container that gave no member to analyse. */
  void unreadable(String file, String error);

  /** A path deliberately not read (a symbolic link to a directory, a device), and why; not an error. */
  default void skipped(String file, String reason) {}

  /** Stored (compressed) bytes of the top-level files read so far, of {@code total}; called often. */
  default void progress(long doneBytes, long totalBytes) {}

  ScanListener NONE = new ScanListener() {
    @Override
    public void fileDone(FileResult result) {}

    @Override
    public void unreadable(String file, String error) {}
  };
}
