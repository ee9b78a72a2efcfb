package io.siodoctor.spark;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.parsers.archive.ArchiveLimits;
import io.siodoctor.analyzer.scan.IncidentMerge;
import io.siodoctor.analyzer.scan.MemberFilter;
import io.siodoctor.analyzer.scan.ScanOptions;
import io.siodoctor.analyzer.scan.ScanSummary;
import io.siodoctor.analyzer.scan.SummaryJson;
import io.siodoctor.analyzer.scan.TimeWindow;
import io.siodoctor.analyzer.scan.TrendComparison;
import io.siodoctor.parsers.logs.TimeReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code sio-doctor scan} as a Spark job:
 *
 * <pre>
 * spark-submit --class io.siodoctor.spark.ScanJob sio-doctor-spark.jar \
 *     [--since T] [--until T] [--compare PREVIOUS.json] --output OUT.json PATH...
 * </pre>
 *
 * PATHs are Hadoop paths (file:, hdfs:, s3a:, ...) of logs, HARs, archives and directories of them
 * (walked recursively). One task per top-level file reads it through the Hadoop FileSystem and runs
 * the scan package's own per-file code; the driver merges the results and correlates sticky sessions
 * across files with the scan package's code, and writes the contract's batch summary JSON
 * ({@link SummaryJson}) to OUT, also a Hadoop path.
 *
 * <p>Exit codes: 0 summary written, 3 summary written but some input could not be read (listed in
 * {@code unreadable}), 2 usage error.
 */
public final class ScanJob {
  static final String USAGE = "spark-submit --class io.siodoctor.spark.ScanJob sio-doctor-spark.jar"
      + " [--since T] [--until T] [--compare PREVIOUS.json] --output OUT.json PATH...";

  /** Files whose results travel to the driver together. */
  private static final int FETCH_FILES = 64;

  private ScanJob() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("sio-doctor scan").getOrCreate();
    int code;
    try {
      code = run(spark, args, System.err);
    } catch (IOException e) {
      System.err.println("sio-doctor-spark: " + e.getMessage());
      code = 3;
    } finally {
      spark.stop();
    }
    if (code != 0) {
      System.exit(code);
    }
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("output").hasArg().argName("OUT.json")
        .desc("where to write the summary (a Hadoop path)").get());
    o.addOption(Option.builder().longOpt("compare").hasArg().argName("PREVIOUS.json")
        .desc("add the change of each cause against an earlier json summary (a Hadoop path)").get());
    o.addOption(Option.builder().longOpt("since").hasArg().argName("TIME")
        .desc("ignore records before TIME (ISO-8601, e.g. 2026-11-24T02:00:00Z)").get());
    o.addOption(Option.builder().longOpt("until").hasArg().argName("TIME").desc("ignore records from TIME on").get());
    o.addOption(Option.builder().longOpt("chunk-records").hasArg().argName("N")
        .desc("analyse files in chunks of N records (default 5000), as scan does").get());
    o.addOption(Option.builder().longOpt("max-ratio").hasArg().argName("N")
        .desc("refuse a compressed stream expanding more than N:1 (default 200)").get());
    o.addOption(Option.builder().longOpt("max-bytes").hasArg().argName("N")
        .desc("refuse to expand more than N bytes from one top-level file (default 1 TiB)").get());
    o.addOption(Option.builder().longOpt("include").hasArg().argName("GLOB")
        .desc("read only files (and archive members) matching GLOB, as scan does (repeatable)").get());
    o.addOption(Option.builder().longOpt("exclude").hasArg().argName("GLOB")
        .desc("do not read files (and archive members) matching GLOB, as scan does (repeatable)").get());
    return o;
  }

  /** Runs the job on a session the caller owns; returns the exit code. */
  public static int run(SparkSession spark, String[] args, PrintStream err) throws IOException {
    long start = System.nanoTime();
    Settings settings;
    List<String> paths;
    String output;
    TrendComparison trend = null;
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      CommandLine cl = new DefaultParser().parse(options(), args);
      paths = cl.getArgList();
      output = cl.getOptionValue("output");
      if (output == null || paths.isEmpty()) {
        throw new ParseException("needs --output OUT.json and at least one PATH");
      }
      settings = Settings.from(cl);
      if (cl.hasOption("compare")) {
        trend = compare(cl.getOptionValue("compare"), conf);
      }
    } catch (ParseException | IllegalArgumentException e) {
      err.println("sio-doctor-spark: " + e.getMessage());
      err.println("usage: " + USAGE);
      return 2;
    }

    List<Input> inputs = list(paths, conf);
    // largest first: a big file started last would leave the other executors idle at the end
    inputs.sort(Comparator.comparingLong(Input::size).reversed().thenComparing(Input::name));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConf sconf = new SerializableConf(conf);
    // one partition, so one task, per top-level file (an archive is walked by one task), or per small
    // incident: its files read together, as scan and analyze read them
    List<List<Input>> tasks = new ArrayList<>();
    for (List<Input> t : IncidentMerge.tasks(inputs, Input::name, Input::size, settings.options().togetherBytes())) {
      tasks.add(new ArrayList<>(t));
    }
    JavaRDD<DistributedScan.FilePart> parts = jsc.parallelize(tasks, Math.max(1, tasks.size()))
        .map(task -> scan(task, settings, sconf));
    parts.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      parts.count();
      // to the driver from the cache, FETCH_FILES parts at a time: bounded memory there, and not
      // one tiny job per file for a night of 100,000 files
      int groups = Math.max(1, (tasks.size() + FETCH_FILES - 1) / FETCH_FILES);
      ScanSummary summary = DistributedScan.reduce(parts.coalesce(groups).toLocalIterator(),
          settings.options().maxExamples(), start, Analyzers.builtIn().engine().catalog());
      write(output, conf, SummaryJson.summary(summary, trend).toString() + "\n");
      err.printf("sio-doctor-spark: %d files, %d bytes, %d causes, %d unreadable -> %s%n", summary.files(),
          summary.bytes(), summary.causes().size(), summary.unreadable().size(), output);
      for (ScanSummary.Unreadable u : summary.unreadable()) {
        err.println("sio-doctor-spark: " + u.file() + ": " + u.error());
      }
      return summary.unreadable().isEmpty() ? 0 : 3;
    } finally {
      parts.unpersist(false);
    }
  }

  /**
   * Runs on an executor: one top-level file (or a small incident's files), streamed straight from the cluster's storage through
   * the Hadoop FileSystem (no local copy), through the scan package's per-file code.
   */
  static DistributedScan.FilePart scan(List<Input> task, Settings settings, SerializableConf conf) {
    List<DistributedScan.TaskFile> files = new ArrayList<>();
    for (Input in : task) {
      Path path = new Path(in.uri());
      files.add(new DistributedScan.TaskFile(in.name(), in.size(), () -> open(path, conf.get())));
    }
    return DistributedScan.scanFiles(Analyzers.builtIn(), settings.options(), files);
  }

  /** Opens a file for the walker, failing as a local file would, so that it reports it as {@code scan} does. */
  static InputStream open(Path path, Configuration conf) throws IOException {
    try {
      return path.getFileSystem(conf).open(path);
    } catch (FileNotFoundException e) {
      NoSuchFileException n = new NoSuchFileException(path.toString());
      n.initCause(e);
      throw n;
    } catch (org.apache.hadoop.security.AccessControlException e) {
      AccessDeniedException a = new AccessDeniedException(path.toString());
      a.initCause(e);
      throw a;
    }
  }

  /**
   * The files under the paths, named as {@code scan} names them: a file as given, a file in a
   * directory by the directory's name plus its relative path ({@code 2026-11-24/node-c.log.gz}). A
   * path that does not exist is kept, so that its task reports it.
   */
  static List<Input> list(List<String> paths, Configuration conf) throws IOException {
    List<Input> out = new ArrayList<>();
    for (String arg : paths) {
      Path p = new Path(arg);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st;
      try {
        st = fs.getFileStatus(p);
      } catch (FileNotFoundException e) {
        out.add(new Input(fs.makeQualified(p).toString(), arg, 0));
        continue;
      }
      if (!st.isDirectory()) {
        out.add(new Input(st.getPath().toString(), arg, st.getLen()));
        continue;
      }
      Path base = st.getPath();
      String baseDir = base.toUri().getPath();
      String prefix = base.getName().isEmpty() ? "" : base.getName() + "/";
      List<Input> dir = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        if (!f.isFile()) {
          continue;
        }
        String rel = f.getPath().toUri().getPath().substring(baseDir.length()).replaceFirst("^/+", "");
        dir.add(new Input(f.getPath().toString(), prefix + rel, f.getLen()));
      }
      dir.sort(Comparator.comparing(Input::name));
      out.addAll(dir);
    }
    return out;
  }

  /** The earlier summary, read through Hadoop into a local file for {@link TrendComparison#read}. */
  private static TrendComparison compare(String previous, Configuration conf) {
    java.nio.file.Path local = null;
    try {
      Path p = new Path(previous);
      local = Files.createTempFile("sio-doctor-compare", ".json");
      try (InputStream in = p.getFileSystem(conf).open(p)) {
        Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
      }
      return TrendComparison.read(local);
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (local != null) {
        m = m.replace(local.toString(), previous);
      }
      throw new IllegalArgumentException("--compare: " + m, e);
    } finally {
      if (local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
  }

  private static void write(String output, Configuration conf, String text) throws IOException {
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(conf);
    if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
      fs = local.getRaw(); // no .crc file beside a local summary
    }
    try (OutputStream o = fs.create(out, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A top-level file: its Hadoop URI, its name in the summary, its size as stored. */
  record Input(String uri, String name, long size) implements Serializable {}

  /** The scan options, in a form that travels to the executors. */
  record Settings(Instant since, Instant until, int chunkRecords, long maxRatio, long maxBytes,
      ArrayList<String> include, ArrayList<String> exclude) implements Serializable {

    static Settings from(CommandLine cl) {
      ScanOptions d = ScanOptions.defaults();
      Settings s = new Settings(time(cl, "since"), time(cl, "until"),
          (int) positive(cl, "chunk-records", d.chunkRecords()),
          positive(cl, "max-ratio", d.limits().maxRatio()),
          positive(cl, "max-bytes", d.limits().maxTotalBytes()),
          globs(cl, "include"), globs(cl, "exclude"));
      s.options(); // a glob that does not compile is a usage error here, not a failed task
      return s;
    }

    private static ArrayList<String> globs(CommandLine cl, String name) {
      String[] v = cl.getOptionValues(name);
      return v == null ? new ArrayList<>() : new ArrayList<>(List.of(v));
    }

    ScanOptions options() {
      ArchiveLimits limits = ArchiveLimits.DEFAULT.withMaxRatio(maxRatio).withMaxTotalBytes(maxBytes);
      // one file per task: the task's cores belong to Spark
      return ScanOptions.defaults().withThreads(1).withWindow(new TimeWindow(since, until)).withLimits(limits)
          .withChunkRecords(chunkRecords).withFilter(MemberFilter.of(include, exclude));
    }

    private static Instant time(CommandLine cl, String name) {
      if (!cl.hasOption(name)) {
        return null;
      }
      try {
        return TimeReader.parseInstant(cl.getOptionValue(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
      }
    }

    private static long positive(CommandLine cl, String name, long dflt) {
      if (!cl.hasOption(name)) {
        return dflt;
      }
      try {
        long v = Long.parseLong(cl.getOptionValue(name));
        if (v < 1 || (name.equals("chunk-records") && v > Integer.MAX_VALUE)) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " needs a positive number, not " + cl.getOptionValue(name));
      }
    }
  }

  /** The built-in rules, built once per executor JVM. */
  static final class Analyzers {
    private static Analyzer analyzer;

    static synchronized Analyzer builtIn() {
      if (analyzer == null) {
        analyzer = Analyzer.builtIn();
      }
      return analyzer;
    }
  }

  /** The driver's Hadoop configuration (credentials, endpoints) for the executors. */
  static final class SerializableConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Configuration conf;

    SerializableConf(Configuration conf) {
      this.conf = conf;
    }

    Configuration get() {
      return conf;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      conf = new Configuration(false);
      conf.readFields(in);
    }
  }
}
