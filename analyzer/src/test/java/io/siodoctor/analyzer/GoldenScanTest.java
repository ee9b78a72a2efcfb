package io.siodoctor.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden {@code scan} summary of the sample captures (their HARs and logs), on one thread and on
 * the default number: the batch path must give what it gave when issue 16 started
 * ({@link GoldenReports}). The run time ({@code seconds}) is the only field taken out.
 */
class GoldenScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"1", "4"})
  void theCorpusScansToItsGoldenSummary(String threads) throws Exception {
    // the capture folders, not the recorder's node_modules beside them
    List<String> args = new ArrayList<>(List.of("scan", "-q", "--format", "json", "--threads", threads,
        "--include", "*.har", "--include", "*.log", "--include", "*.jsonl", "--include", "*.txt"));
    SampleCapturesTest.folders().forEach(f -> args.add(f.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    ObjectNode summary = (ObjectNode) JSON.readTree(out.toString(StandardCharsets.UTF_8));
    summary.remove("seconds");
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n";
    GoldenReports.compare("scan", "sample-captures.json",
        GoldenReports.normalise(text, List.of(SampleCapturesTest.capturesDir())), false);
  }
}
