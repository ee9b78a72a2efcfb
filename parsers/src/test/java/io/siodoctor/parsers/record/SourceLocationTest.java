package io.siodoctor.parsers.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceLocationTest {

  /** A line's place is spelled out only when read; it must read exactly as if it had been given. */
  @Test
  void lazyLineLocationsEqualSpelledOutOnes() {
    long[] numbers = {0, 1, 9, 10, 99, 100, 1001, 123456789012L, -1, -7};
    for (long n : numbers) {
      SourceLocation lazy = SourceLocation.line("f.log", n);
      SourceLocation given = new SourceLocation("f.log", "line " + n);
      assertThat(lazy.location()).isEqualTo("line " + n);
      assertThat(lazy.toString()).isEqualTo("f.log line " + n);
      assertThat(lazy).isEqualTo(given);
      assertThat(given).isEqualTo(lazy);
      assertThat(lazy.hashCode()).isEqualTo(given.hashCode());
      assertThat(lazy.compareTo(given)).isZero();
    }
  }

  @Test
  void webSocketMessageLocations() {
    assertThat(SourceLocation.wsMessage("c.har", 14, 3).location())
        .isEqualTo("entries[14]._webSocketMessages[3]");
    assertThat(SourceLocation.harEntry("c.har", 14).location()).isEqualTo("entries[14]");
  }
}
