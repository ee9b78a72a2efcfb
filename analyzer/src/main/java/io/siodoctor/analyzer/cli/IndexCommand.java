package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.index.EventIndexer;
import io.siodoctor.analyzer.scan.BatchScanner;
import io.siodoctor.analyzer.scan.ScanListener;
import io.siodoctor.analyzer.scan.ScanSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sio-doctor index PATH... --index DIR}: adds every parsed event of the inputs to the index. */
final class IndexCommand implements Command {

  @Override
  public String name() {
    return "index";
  }

  @Override
  public String summary() {
    return "add every parsed event of files/archives to a Lucene index (appends; query it with search)";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(SharedOptions.index("the index directory (required); a file indexed again replaces its events"));
    o.addOption(SharedOptions.output("FILE"));
    ScanOptionsCli.addTo(o);
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor index [options] PATH... --index DIR";
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    Path dir = SharedOptions.requiredIndex(cl, "index");
    var paths = ScanOptionsCli.paths(cl, "index");
    var options = ScanOptionsCli.from(cl);
    long start = System.nanoTime();
    ScanSummary summary;
    EventIndexer indexer = EventIndexer.open(dir, 1);
    ProgressBarListener progress = !SharedOptions.quiet(cl) && ProgressBarListener.wanted(err) ? new ProgressBarListener(ScanListener.NONE, err) : null;
    try {
      summary = new BatchScanner(Cli.analyzer(cl), options, progress == null ? ScanListener.NONE : progress, indexer)
          .scan(paths);
    } finally {
      if (progress != null) {
        progress.close();
      }
      indexer.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try (Output o = Output.of(cl, out)) {
      o.printer().printf("indexed %d events from %d files in %.1f s (%.0f events/s) into %s%n", indexer.documents(),
          summary.files(), seconds, indexer.documents() / Math.max(seconds, 1e-3), dir);
      o.commit();
    }
    for (ScanSummary.Unreadable u : summary.unreadable()) {
      err.println("sio-doctor index: " + u.file() + ": " + u.error());
    }
    return summary.unreadable().isEmpty() ? ExitCode.HEALTHY : ExitCode.UNREADABLE_INPUT;
  }
}
