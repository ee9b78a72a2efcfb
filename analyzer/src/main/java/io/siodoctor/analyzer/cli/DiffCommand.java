package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.diff.CaptureDiff;
import io.siodoctor.analyzer.diff.CaptureDiffer;
import io.siodoctor.analyzer.diff.LogAssignment;
import io.siodoctor.analyzer.render.Redaction;
import io.siodoctor.analyzer.render.Renderer;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sio-doctor diff WORKING.har FAILING.har [logs...]}: what differs for Socket.IO between a
 * capture that works and one that fails, the difference that explains the failure first. Logs go with
 * the capture whose time they overlap ({@link LogAssignment}). Exit 0 when nothing that matters
 * differs, 1 when something does, 3 when an input cannot be read.
 */
final class DiffCommand implements Command {
  @Override
  public String name() {
    return "diff";
  }

  @Override
  public String summary() {
    return "what differs between a working and a failing capture (WORKING.har FAILING.har [logs...])";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(SharedOptions.format(Renderers.DIFF_NAMES, "text"));
    o.addOption(SharedOptions.output("FILE"));
    o.addOption(SharedOptions.rules("extra rule packs"));
    o.addOption(SharedOptions.showSecrets());
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor diff [options] WORKING.har FAILING.har [logs...]";
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    List<String> files = cl.getArgList();
    if (files.size() < 2) {
      throw new UsageException("diff needs WORKING.har and FAILING.har (then any logs)");
    }
    Renderer<CaptureDiff> renderer = SharedOptions.format(cl, Renderers.DIFF_NAMES, "text", Renderers::diffForName);
    List<InputSource> sources = new ArrayList<>();
    for (String f : files) {
      Path p = Path.of(f);
      if (Files.isDirectory(p)) {
        throw new UsageException(f + " is a directory (diff takes files)");
      }
      sources.add(InputSource.of(p, f));
    }
    LogAssignment.Sides sides = LogAssignment.assign(sources.get(0), sources.get(1), sources.subList(2, sources.size()));
    CaptureDiff diff = new CaptureDiffer(Cli.analyzer(cl)).diff(sides.working(), sides.failing());
    Redaction redaction = SharedOptions.redaction(cl);
    try (Output o = Output.of(cl, out)) {
      Writer w = new OutputStreamWriter(o.stream(), StandardCharsets.UTF_8);
      redaction.render(renderer, diff, w);
      w.flush();
      o.commit();
    }
    for (String e : concat(diff.working().errors(), diff.failing().errors())) {
      err.println("sio-doctor: " + redaction.message(e));
    }
    if (diff.working().anyUnreadable() || diff.failing().anyUnreadable()) {
      return ExitCode.UNREADABLE_INPUT;
    }
    return diff.differences().isEmpty() ? ExitCode.HEALTHY : ExitCode.CAUSES_FOUND;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
