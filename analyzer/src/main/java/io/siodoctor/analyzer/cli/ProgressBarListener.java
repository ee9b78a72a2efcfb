package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.scan.ScanListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The scan's progress on stderr when it is a terminal: stored bytes read, MiB/s and the time left.
 * Passes every event on to the listener it wraps.
 */
final class ProgressBarListener extends ForwardingScanListener implements AutoCloseable {
  private final PrintStream err;
  private ProgressBar bar;

  ProgressBarListener(ScanListener next, PrintStream err) {
    super(next);
    this.err = err;
  }

  /** Only an interactive stderr gets a bar; logs of batch jobs must not fill with it. */
  static boolean wanted(PrintStream err) {
    return err == System.err && System.getenv("NO_PROGRESS") == null && stderrIsTerminal();
  }

  /**
   * stdout is usually redirected to a file while a person watches stderr, so System.console() (which
   * wants stdin and stdout on a terminal) is not the test; on Linux, fd 2 says where it points.
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  @Override
  public synchronized void progress(long doneBytes, long totalBytes) {
    if (bar == null) {
      bar = new ProgressBarBuilder()
          .setTaskName("scan")
          .setInitialMax(Math.max(1, totalBytes))
          .setUnit(" MiB", 1 << 20)
          .showSpeed()
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(500)
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .build();
    }
    bar.stepTo(doneBytes);
    next.progress(doneBytes, totalBytes);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
