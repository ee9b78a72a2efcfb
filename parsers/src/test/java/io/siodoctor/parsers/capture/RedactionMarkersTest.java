package io.siodoctor.parsers.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionMarkersTest {

  @ParameterizedTest
  @ValueSource(strings = {"[text/plain redacted]", "[application/json redacted]", "[REDACTED]", "[redacted:binary]",
      "[sanitized]", "redacted", "***", " [token redacted] "})
  void placeholdersAreMarkers(String text) {
    assertThat(RedactionMarkers.isMarker(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0{\"sid\":\"abc\",\"upgrades\":[]}", "ok", "44{\"message\":\"redacted\"}", "[1,2,3]",
      "42[\"chat\",\"[redacted]\"]", "", "<html>redacted]</html>"})
  void contentIsNotAMarker(String text) {
    assertThat(RedactionMarkers.isMarker(text)).isFalse();
  }
}
