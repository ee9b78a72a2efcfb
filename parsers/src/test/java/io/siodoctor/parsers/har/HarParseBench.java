package io.siodoctor.parsers.har;

import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.Record;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures HAR parsing throughput: {@code HarParseBench FILE...} prints MB/s per file, {@code
 * HarParseBench --generate OUT.har MB} writes a generated HAR of about that size first.
 *
 * <pre>
 * mvn -q -pl parsers test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx256m -cp parsers/target/classes:parsers/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.siodoctor.parsers.har.HarParseBench --generate /tmp/big.har 1024
 * </pre>
 *
 * <p>The last line for each file is {@code records=N}, which the streaming test reads back.
 */
public final class HarParseBench {
  private HarParseBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("--generate")) {
      Path out = Path.of(args[1]);
      long records = HarGenerator.write(out, Long.parseLong(args[2]) * 1024 * 1024);
      System.out.printf("generated %s: %.1f MB, %d records expected%n", out, Files.size(out) / 1e6, records);
      run(out);
      return;
    }
    if (args.length == 0) {
      System.err.println("usage: HarParseBench FILE... | --generate OUT.har MB");
      System.exit(2);
    }
    for (String f : args) {
      run(Path.of(f));
    }
  }

  private static void run(Path file) throws IOException {
    long[] counts = new long[2];
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(Record record) {
            counts[0]++;
          }

          @Override
          public void warn(String message) {
            counts[1]++;
          }
        };
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    InputSummary summary = new InputReader().read(file, file.getFileName().toString(), sink);
    double seconds = (System.nanoTime() - start) / 1e9;
    // CPU time of the parsing thread: stable when other work shares the machine, unlike wall time
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double mb = Files.size(file) / 1e6;
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%s: %.1f MB in %.2f s = %.0f MB/s (thread CPU %.2f s = %.0f MB/s), %d warnings,"
            + " heap used %d MB of max %d MB%s%n",
        file, mb, seconds, mb / seconds, cpuSeconds, mb / cpuSeconds, counts[1],
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
        summary.error() == null ? "" : ", error: " + summary.error());
    System.out.println("records=" + counts[0]);
  }
}
