package io.siodoctor.analyzer.cli;

import io.siodoctor.parsers.archive.ArchiveLimits;
import io.siodoctor.analyzer.scan.MemberFilter;
import io.siodoctor.analyzer.scan.ScanOptions;
import io.siodoctor.analyzer.scan.TimeWindow;
import io.siodoctor.parsers.logs.TimeReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options {@code scan} and {@code index} share: what to read and how hard to try. */
final class ScanOptionsCli {
  private ScanOptionsCli() {}

  static void addTo(Options o) {
    o.addOption(Option.builder().longOpt("since").hasArg().argName("TIME")
        .desc("ignore records before TIME (ISO-8601, e.g. 2026-11-24T02:00:00Z)").get());
    o.addOption(Option.builder().longOpt("until").hasArg().argName("TIME").desc("ignore records from TIME on").get());
    o.addOption(Option.builder().longOpt("threads").hasArg().argName("N")
        .desc("files parsed at once (default: the number of cores)").get());
    o.addOption(Option.builder().longOpt("max-bytes").hasArg().argName("N")
        .desc("refuse to expand more than N bytes in total (default 1 TiB)").get());
    o.addOption(Option.builder().longOpt("max-ratio").hasArg().argName("N")
        .desc("refuse a compressed stream expanding more than N:1 (default 200)").get());
    o.addOption(Option.builder().longOpt("chunk-records").hasArg().argName("N")
        .desc("analyse files in chunks of N records the rules read (unrecognised lines not counted): bounds memory (default 5000)").get());
    o.addOption(SharedOptions.rules("extra rule packs, as for analyze"));
    o.addOption(Option.builder().longOpt("include").hasArg().argName("GLOB")
        .desc("read only files (and archive members) matching GLOB: a glob without / matches the base name,"
            + " e.g. '*.log*' (repeatable)").get());
    o.addOption(Option.builder().longOpt("exclude").hasArg().argName("GLOB")
        .desc("do not read files (and archive members) matching GLOB (repeatable)").get());
  }

  static ScanOptions from(CommandLine cl) throws UsageException {
    ScanOptions opts = ScanOptions.defaults();
    opts = opts.withThreads(Cli.intOption(cl, "threads", opts.threads()));
    opts = opts.withWindow(new TimeWindow(time(cl, "since"), time(cl, "until")));
    ArchiveLimits limits = ArchiveLimits.DEFAULT;
    if (cl.hasOption("max-bytes")) {
      limits = limits.withMaxTotalBytes(Cli.positiveOption(cl, "max-bytes", Long.MAX_VALUE));
    }
    if (cl.hasOption("max-ratio")) {
      limits = limits.withMaxRatio(Cli.positiveOption(cl, "max-ratio", Long.MAX_VALUE));
    }
    opts = opts.withLimits(limits);
    try {
      opts = opts.withFilter(MemberFilter.of(values(cl, "include"), values(cl, "exclude")));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--include/--exclude: " + e.getMessage());
    }
    return opts.withChunkRecords(Cli.intOption(cl, "chunk-records", opts.chunkRecords()));
  }

  static List<Path> paths(CommandLine cl, String command) throws UsageException {
    if (cl.getArgList().isEmpty()) {
      throw new UsageException(command + " needs at least one PATH (a file, a directory or an archive)");
    }
    return cl.getArgList().stream().map(Path::of).toList();
  }

  private static List<String> values(CommandLine cl, String name) {
    String[] v = cl.getOptionValues(name);
    return v == null ? List.of() : List.of(v);
  }

  private static Instant time(CommandLine cl, String name) throws UsageException {
    if (!cl.hasOption(name)) {
      return null;
    }
    try {
      return TimeReader.parseInstant(cl.getOptionValue(name));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + name + ": " + e.getMessage());
    }
  }
}
