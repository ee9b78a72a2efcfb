package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Warmup;
import io.siodoctor.parsers.FastPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the launcher's class-data sharing archive: the JVM archives the classes (and
 * lambdas) a run loaded, so one {@code analyze} of one capture left out every class that capture
 * did not need — the text renderer, other rules' evidence paths, other log formats — and each of
 * those was read from the jar and verified again on every later run. This analyses a few sample
 * captures of different shapes (browser, transport, server and proxy logs) in every report format,
 * in one JVM, with all output discarded.
 *
 * <p>{@code java -XX:ArchiveClassesAtExit=… -cp sio-doctor.jar …ArchiveTraining SAMPLE_CAPTURES_DIR}
 */
public final class ArchiveTraining {
  /** Captures of different shapes; a missing one is skipped. */
  static final List<String> CAPTURES = List.of(
      "healthy--v4-websocket-upgrade",
      "sticky-session-missing--nginx-two-nodes",
      "cors-missing-headers--v4-no-cors",
      "transport-unknown--firefox-server-websocket-only",
      "server-unreachable--connection-refused",
      "heartbeat-timeout--blocked-main-thread");
  static final List<String> FORMATS = List.of("text", "json", "markdown", "html");

  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ArchiveTraining SAMPLE_CAPTURES_DIR");
      System.exit(ExitCode.USAGE);
    }
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, "UTF-8");
    Warmup.begin(); // as Main.main does for analyze, so that its classes are archived too
    boolean first = true;
    for (String capture : CAPTURES) {
      List<String> files = inputs(Path.of(args[0], capture));
      if (files.isEmpty()) {
        continue;
      }
      // every format once (on the first capture), then the default format on the others
      for (String format : first ? FORMATS : FORMATS.subList(0, 1)) {
        List<String> command = new ArrayList<>(List.of("analyze", "--format", format));
        command.addAll(files);
        Main.run(command.toArray(String[]::new), discard, discard);
      }
      first = false;
    }
    // the big-input paths (HAR entries on every core, logs in chunks analysed on a pool) forced on
    // a small capture, and a scan: else a big input loaded their classes from the jar on every run,
    // opening its directory of 12,000 entries first (~20-50 ms of a 0.7 s run of a 321 MB HAR)
    List<String> files = inputs(Path.of(args[0], CAPTURES.get(1)));
    if (!files.isEmpty()) {
      System.setProperty(FastPaths.FORCE_PROPERTY, "true");
      try {
        List<String> command = new ArrayList<>(List.of("analyze", "--format", "json"));
        command.addAll(files);
        Main.run(command.toArray(String[]::new), discard, discard);
        Main.run(new String[] {"scan", "--format", "json", Path.of(args[0], CAPTURES.get(1)).toString()}, discard, discard);
      } finally {
        System.clearProperty(FastPaths.FORCE_PROPERTY);
      }
    }
  }

  /** The HAR and log files of a capture folder, in name order; none when it does not exist. */
  static List<String> inputs(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(Path::toString).filter(f -> f.endsWith(".har") || f.endsWith(".log")).sorted().toList();
    }
  }
}
