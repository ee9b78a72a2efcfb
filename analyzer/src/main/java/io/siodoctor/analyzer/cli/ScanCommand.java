package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.index.EventIndexer;
import io.siodoctor.analyzer.scan.BatchScanner;
import io.siodoctor.analyzer.scan.FileResult;
import io.siodoctor.analyzer.scan.ScanListener;
import io.siodoctor.analyzer.scan.ScanOptions;
import io.siodoctor.analyzer.scan.ScanSummary;
import io.siodoctor.analyzer.scan.SummaryJson;
import io.siodoctor.analyzer.scan.SummaryText;
import io.siodoctor.analyzer.scan.TrendComparison;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.engine.CauseCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code sio-doctor scan [options] PATH...}: the night's archives, every member analysed on all cores,
 * the per-cause summary of the contract.
 */
final class ScanCommand implements Command {
  static final String FORMATS = "jsonl|json|text";

  @Override
  public String name() {
    return "scan";
  }

  @Override
  public String summary() {
    return "batch: directories and archives of logs/HARs, per-cause counts of sessions, hours, files";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(SharedOptions.format(FORMATS, "text on a terminal, else json"));
    o.addOption(SharedOptions.output("FILE"));
    o.addOption(SharedOptions.failOn());
    o.addOption(Option.builder().longOpt("compare").hasArg().argName("PREVIOUS.json")
        .desc("add the change of each cause against an earlier json summary").get());
    o.addOption(SharedOptions.index("also write every parsed event to the Lucene index in DIR (a file indexed"
        + " again replaces its events)"));
    ScanOptionsCli.addTo(o);
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor scan [options] PATH... | -";
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    boolean toFile = SharedOptions.outputIsFile(cl);
    String format = SharedOptions.format(cl, FORMATS, System.console() != null && !toFile ? "text" : "json");
    List<Path> paths = ScanOptionsCli.paths(cl, "scan");
    ScanOptions options = ScanOptionsCli.from(cl);
    Severity failOn = SharedOptions.failOn(cl);
    boolean quiet = SharedOptions.quiet(cl);
    TrendComparison trend = null;
    if (cl.hasOption("compare")) {
      try {
        trend = TrendComparison.read(Path.of(cl.getOptionValue("compare")));
      } catch (IOException e) {
        throw new UsageException("--compare: " + e.getMessage());
      }
    }
    Analyzer analyzer = Cli.analyzer(cl);
    ScanSummary summary;
    EventIndexer indexer = null;
    try (Output o = Output.of(cl, out)) {
      PrintStream target = o.printer();
      ScanListener listener = format.equals("jsonl") ? new JsonLinesListener(target) : ScanListener.NONE;
      if (!quiet) {
        listener = skippedOnStderr(listener, err);
      }
      ProgressBarListener progress = null;
      if (!quiet && ProgressBarListener.wanted(err)) {
        progress = new ProgressBarListener(listener, err);
        listener = progress;
      }
      try {
        if (SharedOptions.index(cl) != null) {
          indexer = EventIndexer.open(SharedOptions.index(cl), 1);
        }
        summary = new BatchScanner(analyzer, options, listener, indexer).scan(paths);
      } finally {
        if (progress != null) {
          progress.close();
        }
        if (indexer != null) {
          indexer.close();
        }
      }
      switch (format) {
        case "text":
          SummaryText.print(summary, trend, target);
          break;
        default:
          target.println(SummaryJson.summary(summary, trend).toString());
      }
      o.commit();
    }
    if (indexer != null && !quiet) {
      err.printf("sio-doctor scan: indexed %d events into %s%n", indexer.documents(), SharedOptions.index(cl));
    }
    for (ScanSummary.Unreadable u : summary.unreadable()) {
      err.println("sio-doctor scan: " + u.file() + ": " + u.error());
    }
    if (!summary.skipped().isEmpty() && !quiet) {
      err.println("sio-doctor scan: skipped " + summary.skipped().size()
          + " file(s) that are neither HARs nor logs nor regular files (named under skipped)");
    }
    return exitCode(summary, failOn, analyzer.engine().catalog());
  }

  /** 3 when an input could not be read; else 1 when a cause reaches the {@code --fail-on} level, else 0. */
  static int exitCode(ScanSummary summary, Severity failOn, CauseCatalog catalog) {
    if (!summary.unreadable().isEmpty()) {
      return ExitCode.UNREADABLE_INPUT;
    }
    boolean fails = summary.causes().stream().anyMatch(t -> catalog.get(t.id())
        .map(c -> SharedOptions.fails(c.severity().id(), failOn)).orElse(true));
    return fails ? ExitCode.CAUSES_FOUND : ExitCode.HEALTHY;
  }

  /** {@code --format jsonl}: one line per member as it finishes. */
  /** Says on stderr which paths were deliberately not read (symbolic links to directories, devices). */
  private static ScanListener skippedOnStderr(ScanListener next, PrintStream err) {
    return new ForwardingScanListener(next) {
      @Override
      public void skipped(String file, String reason) {
        synchronized (err) {
          err.println("sio-doctor scan: skipped " + file + ": " + reason);
        }
        next.skipped(file, reason);
      }
    };
  }

  private static final class JsonLinesListener implements ScanListener {
    private final PrintStream out;

    JsonLinesListener(PrintStream out) {
      this.out = out;
    }

    @Override
    public void fileDone(FileResult result) {
      String line = SummaryJson.file(result).toString();
      synchronized (out) {
        out.println(line);
      }
    }

    @Override
    public void unreadable(String file, String error) {
      String line = SummaryJson.unreadable(file, error).toString();
      synchronized (out) {
        out.println(line);
      }
    }
  }
}
