package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.render.ReportRenderer;
import io.siodoctor.analyzer.timeline.Timeline;
import io.siodoctor.parsers.redact.SecretMasker;
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

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("format").hasArg().argName(Renderers.NAMES)
        .desc("output format (default: text)").get());
    o.addOption(Option.builder().longOpt("output").hasArg().argName("FILE").desc("write to FILE instead of stdout").get());
    o.addOption(Option.builder().longOpt("top").hasArg().argName("N").desc("causes to show (default 5)").get());
    o.addOption(Option.builder().longOpt("rules").hasArg().argName("DIR").desc("extra rule packs").get());
    o.addOption(Option.builder().longOpt("show-secrets").desc("do not redact cookies, tokens and auth payloads").get());
    o.addOption(Option.builder().longOpt("no-color").desc("no colours in text output").get());
    Cli.addCommonOptions(o);
    return o;
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    CommandLine cl = Cli.parse(options(), args);
    if (cl.hasOption("help")) {
      Cli.printHelp(out, "sio-doctor analyze [options] FILE... | -", options());
      return ExitCode.HEALTHY;
    }
    List<String> files = cl.getArgList();
    if (files.isEmpty()) {
      throw new UsageException("analyze needs at least one FILE (or - for standard input)");
    }
    int top = Cli.intOption(cl, "top", 5);
    boolean toTerminal = !cl.hasOption("output") && System.console() != null;
    boolean colour = toTerminal && !cl.hasOption("no-color") && System.getenv("NO_COLOR") == null;
    String format = cl.getOptionValue("format", "text");
    ReportRenderer renderer = Renderers.forName(format, colour)
        .orElseThrow(() -> new UsageException("unknown --format " + format + " (expected " + Renderers.NAMES + ")"));

    List<InputSource> sources = new ArrayList<>();
    for (String f : files) {
      if (f.equals("-")) {
        sources.add(InputSource.of("(stdin)", System.in));
      } else {
        Path p = Path.of(f);
        if (Files.isDirectory(p)) {
          throw new UsageException(f + " is a directory (analyze takes files; scan takes directories)");
        }
        sources.add(InputSource.of(p, f));
      }
    }
    Analyzer analyzer = Cli.analyzer(cl);
    // the HTML report also draws the session timeline, which needs the incident, not just the report
    Analysis analysis = renderer instanceof HtmlRenderer
        ? analyzer.analyzeWithTimeline(sources)
        : new Analysis(analyzer.analyze(sources), Timeline.EMPTY);
    RankedReport report = analysis.report();
    Analysis shown = analysis.top(top);
    if (!cl.hasOption("show-secrets")) {
      shown = shown.mapText(SecretMasker::mask);
    }
    try (Writer w = cl.hasOption("output")
        ? Files.newBufferedWriter(Path.of(cl.getOptionValue("output")), StandardCharsets.UTF_8)
        : new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      if (renderer instanceof HtmlRenderer html) {
        html.render(shown, w);
      } else {
        renderer.render(shown.report(), w);
      }
    }
    for (var in : report.inputs()) {
      if (!in.readable()) {
        err.println("sio-doctor: " + in.error());
      }
    }
    if (report.anyInputUnreadable()) {
      return ExitCode.UNREADABLE_INPUT;
    }
    if (report.healthy()) {
      return ExitCode.HEALTHY;
    }
    return report.causes().isEmpty() ? ExitCode.INCONCLUSIVE : ExitCode.CAUSES_FOUND;
  }
}
