package io.siodoctor.parsers.har;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ~200 MB HAR goes through {@link InputReader} as a stream. No timing is asserted (see {@link
 * HarParseBench} for throughput); memory is: a child JVM with a heap smaller than the file must
 * read it all.
 */
class LargeHarStreamingTest {
  private static final long TARGET_BYTES = 200L * 1024 * 1024;

  @TempDir static Path dir;
  private static Path har;
  private static long expectedRecords;

  @BeforeAll
  static void generate() throws IOException {
    har = dir.resolve("big.har");
    expectedRecords = HarGenerator.write(har, TARGET_BYTES);
  }

  @Test
  void streamsEveryRecordInAWorkerThread() throws Exception {
    AtomicLong exchanges = new AtomicLong();
    AtomicLong frames = new AtomicLong();
    AtomicReference<InputSummary> summary = new AtomicReference<>();
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(Record record) {
            (record instanceof HttpExchange ? exchanges : frames).incrementAndGet();
            if (record instanceof WsFrame f) {
              assertThat(f.connectionSid()).startsWith("gen");
            }
          }

          @Override
          public void warn(String message) {}
        };
    Thread reader = new Thread(() -> summary.set(new InputReader().read(har, "big.har", sink)), "har-reader");
    reader.start();
    reader.join();

    assertThat(Files.size(har)).isGreaterThan(TARGET_BYTES);
    assertThat(summary.get().error()).isNull();
    assertThat(summary.get().format()).isEqualTo("har");
    assertThat(summary.get().records()).isEqualTo(expectedRecords);
    assertThat(exchanges.get() + frames.get()).isEqualTo(expectedRecords);
    assertThat(frames.get()).isEqualTo(expectedRecords / HarGenerator.RECORDS_PER_SESSION * 5);
  }

  @Test
  void readsTheWholeFileWithAHeapSmallerThanIt() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(java.toString(), "-Xmx96m", "-cp", classpath, HarParseBench.class.getName(), har.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor()).as(output).isZero();
    assertThat(output).doesNotContain("error:").contains("records=" + expectedRecords);
  }
}
