package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures log parsing speed: {@code LogParseBench <file> [format-id|auto] [runs]}. The parser is
 * chosen by sniffing unless a format id is given. Prints MB/s (10^6 bytes) per run, wall clock and
 * per CPU second of the parsing thread (the latter does not suffer when other processes compete
 * for the CPU, but leaves out the JIT compiler and GC threads), and the record and event counts. Suggested: {@code java -Xmx256m -cp ... io.siodoctor.parsers.logs.LogParseBench
 * big.log auto 5}.
 */
public final class LogParseBench {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LogParseBench <file> [format-id|auto] [runs]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    String id = args.length > 1 ? args[1] : "auto";
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    InputParser parser = choose(file, id);
    long size = Files.size(file);
    System.out.printf("file %s, %,d bytes, parser %s%n", file, size, parser.format());
    for (int r = 0; r < runs; r++) {
      CountingSink sink = new CountingSink();
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try (InputStream in = Files.newInputStream(file)) {
        parser.parse(in, file.getFileName().toString(), sink);
      }
      long ns = System.nanoTime() - t0;
      long cpu = threads.getCurrentThreadCpuTime() - c0;
      double mbs = size / 1e6 / (ns / 1e9);
      System.out.printf(
          "run %d: %.3f s, %.0f MB/s (parsing thread CPU %.3f s, %.0f MB per CPU second),"
              + " %,d records, %,d with sid, %,d with time%n",
          r + 1, ns / 1e9, mbs, cpu / 1e9, size / 1e6 / (cpu / 1e9), sink.records, sink.withSid,
          sink.withTime);
      if (r == runs - 1) {
        StringBuilder sb = new StringBuilder("events:");
        for (LogEvent e : LogEvent.values()) {
          if (sink.events[e.ordinal()] > 0) {
            sb.append(' ').append(e).append('=').append(sink.events[e.ordinal()]);
          }
        }
        System.out.println(sb);
      }
    }
  }

  private static InputParser choose(Path file, String id) throws Exception {
    byte[] head = new byte[65536];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    for (InputParser p : InputParsers.all()) {
      if (id.equals("auto") ? p.sniff(Arrays.copyOf(head, n), n) : p.format().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no parser for " + file + " (" + id + ")");
  }

  private static final class CountingSink implements RecordSink {
    long records;
    long withSid;
    long withTime;
    final long[] events = new long[LogEvent.values().length];

    @Override
    public void accept(Record record) {
      records++;
      LogLine l = (LogLine) record;
      events[l.event().ordinal()]++;
      if (l.sid().isPresent()) {
        withSid++;
      }
      if (l.time() != null) {
        withTime++;
      }
    }

    @Override
    public void warn(String message) {}
  }
}
