package io.siodoctor.parsers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputError;
import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.Record;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every fuzz target checks. A target fails on any exception except the tool's own one-line
 * input error ({@link InputError}), and when one input takes longer than {@link #MAX_MILLIS}:
 * nothing here catches {@code Throwable}, {@code RuntimeException} or {@code Error}, so a crash, a
 * stack overflow or an OutOfMemoryError is a finding.
 */
public final class FuzzChecks {
  /** Issue 12: no input may take longer than this (Jazzer's own timeout only catches real hangs). */
  public static final long MAX_MILLIS = 2_000;

  private FuzzChecks() {}

  /** Parses {@code data} with {@code parser}, using every record's excerpt as a report would. */
  public static void parse(InputParser parser, byte[] data) throws IOException {
    long start = now();
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(Record record) {
        record.excerpt();
        record.location().toString();
        record.sid();
      }

      @Override
      public void warn(String message) {
        assertOneLine(message);
      }
    };
    try {
      parser.sniff(data, Math.min(data.length, 64 * 1024));
      parser.parse(new ByteArrayInputStream(data), "fuzz.input", sink);
    } catch (InputError e) {
      assertOneLine(e.getMessage());
    }
    inTime(start);
  }

  public static void assertOneLine(String message) {
    assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("internal error").doesNotContain("\tat ");
  }

  /**
   * The time of this thread's CPU since {@code startNanos} (from {@link #now}): the machine is shared,
   * so wall time would measure the neighbours; CPU time measures the work.
   */
  public static void inTime(long startNanos) {
    assertThat((now() - startNanos) / 1_000_000).as("CPU milliseconds for one input").isLessThan(MAX_MILLIS);
  }

  public static long now() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** The repository's sample captures, the seed corpus of every target. */
  public static List<Path> sampleCaptureFiles() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("sample-captures"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("sample-captures/ above the working directory").isNotNull();
    try (Stream<Path> files = Files.walk(dir.resolve("sample-captures"))) {
      return files.filter(p -> !p.toString().contains("node_modules") && Files.isRegularFile(p))
          .filter(p -> p.toString().endsWith(".har") || p.toString().endsWith(".log")
              || p.toString().endsWith(".txt"))
          .sorted().toList();
    }
  }
}
