package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden reports cover what they were made for, and their normalisation leaves reports intact. */
class GoldenReportsTest {
  @Test
  void everyCaptureHasGoldenReportsAndEveryGoldenFolderItsCapture() throws IOException {
    List<String> names = SampleCapturesTest.folders().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).hasSizeGreaterThan(100);
    assertThat(GoldenReports.captures()).as("captures with golden reports (make a new one's with -Dgolden.write=true)")
        .containsExactlyInAnyOrderElementsOf(names);
    for (String capture : GoldenReports.captures()) {
      assertThat(names).as("a capture with golden reports was removed or renamed").contains(capture);
      for (String format : List.of("main.json", "main.text", "main.markdown", "main.html.sha256")) {
        assertThat(GoldenReports.dir().resolve(capture).resolve(format)).exists();
      }
    }
  }

  @Test
  void normalisingReplacesOnlyTheVersionNoncesTimeAndFolders() {
    Path folder = Path.of("/data/captures/x");
    String html = "<meta content=\"script-src 'nonce-abc+/=='\"><style nonce=\"abc+/==\">"
        + "sio-doctor " + Tool.VERSION + " · generated <time datetime=\"2026-01-01T00:00:00Z\">2026-01-01T00:00:00Z</time>"
        + " /data/captures/x/capture.har 10.0.1.0";
    assertThat(GoldenReports.normalise(html, List.of(folder))).isEqualTo(
        "<meta content=\"script-src 'nonce-N'\"><style nonce=\"N\">sio-doctor <version> · generated <time>T</time>"
            + " <inputs>/capture.har 10.0.1.0");
  }
}
