package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.render.Redaction;
import io.siodoctor.analyzer.render.ReportRenderer;
import io.siodoctor.rules.api.Severity;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code sio-doctor analyze [options] FILE... | -}: every file is one incident. */
final class AnalyzeCommand implements Command {

  @Override
  public String name() {
    return "analyze";
  }

  @Override
  public String summary() {
    return "analyze a HAR and/or server logs of one incident: ranked causes with evidence and fixes";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(SharedOptions.format(Renderers.NAMES, "text"));
    o.addOption(SharedOptions.output("FILE"));
    o.addOption(Option.builder().longOpt("top").hasArg().argName("N").desc("causes to show (default 5)").get());
    o.addOption(SharedOptions.rules("extra rule packs"));
    o.addOption(SharedOptions.showSecrets());
    o.addOption(SharedOptions.failOn());
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor analyze [options] FILE... | -";
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    List<String> files = cl.getArgList();
    if (files.isEmpty()) {
      throw new UsageException("analyze needs at least one FILE (or - for standard input)");
    }
    int top = Cli.intOption(cl, "top", 5);
    Severity failOn = SharedOptions.failOn(cl);
    boolean colour = Cli.colour(cl, !SharedOptions.outputIsFile(cl) && System.console() != null);
    ReportRenderer renderer = SharedOptions.format(cl, Renderers.NAMES, "text", name -> Renderers.forName(name, colour));

    List<InputSource> sources = new ArrayList<>();
    boolean stdin = false;
    for (String f : files) {
      if (f.equals("-")) {
        if (stdin) {
          throw new UsageException("- (standard input) can be given once");
        }
        stdin = true;
        sources.add(InputSource.of("(stdin)", System.in));
      } else {
        Path p = Path.of(f);
        if (Files.isDirectory(p)) {
          throw new UsageException(f + " is a directory (analyze takes files; scan takes directories)");
        }
        sources.add(InputSource.of(p, f));
      }
    }
    Analysis analysis = Cli.analyzer(cl).analyze(sources);
    RankedReport report = analysis.report();
    Redaction redaction = SharedOptions.redaction(cl);
    try (Output o = Output.of(cl, out)) {
      Writer w = new OutputStreamWriter(o.stream(), StandardCharsets.UTF_8);
      redaction.render(renderer, analysis.top(top), w);
      w.flush();
      o.commit();
    }
    for (var in : report.inputs()) {
      if (!in.readable()) {
        err.println("sio-doctor: " + redaction.message(in.error()));
      }
    }
    return exitCode(report, failOn);
  }

  /**
   * 3 when an input could not be read; else 1 when a cause reaches the {@code --fail-on} level, 0
   * when causes were found but none does (the report is the same); else the verdict's code.
   */
  static int exitCode(RankedReport report, Severity failOn) {
    if (report.anyInputUnreadable()) {
      return ExitCode.UNREADABLE_INPUT;
    }
    if (!report.causes().isEmpty()) {
      return report.causes().stream().anyMatch(c -> SharedOptions.fails(c.severity(), failOn))
          ? ExitCode.CAUSES_FOUND : ExitCode.HEALTHY;
    }
    return report.healthy() ? ExitCode.HEALTHY : ExitCode.INCONCLUSIVE;
  }
}
