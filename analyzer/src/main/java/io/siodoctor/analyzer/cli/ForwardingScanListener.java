package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.scan.FileResult;
import io.siodoctor.analyzer.scan.ScanListener;

/** A scan listener that passes every event on to the one it wraps; subclasses add to one or two of them. */
class ForwardingScanListener implements ScanListener {
  protected final ScanListener next;

  ForwardingScanListener(ScanListener next) {
    this.next = next;
  }

  @Override
  public void fileDone(FileResult result) {
    next.fileDone(result);
  }

  @Override
  public void unreadable(String file, String error) {
    next.unreadable(file, error);
  }

  @Override
  public void skipped(String file, String reason) {
    next.skipped(file, reason);
  }

  @Override
  public void progress(long doneBytes, long totalBytes) {
    next.progress(doneBytes, totalBytes);
  }
}
