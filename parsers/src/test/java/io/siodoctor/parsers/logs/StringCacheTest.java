package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringCacheTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The last-token check must never answer for a different token of the same length. */
  @Test
  void lastTokenCheckComparesTheBytes() {
    StringCache c = new StringCache();
    byte[] line = bytes("xx GET POST PUT GET 10.0.0.1 10.0.0.2 10.0.0.1");
    assertThat(c.get(line, 3, 6)).isEqualTo("GET");
    assertThat(c.get(line, 3, 6)).isSameAs(c.get(line, 16, 19));
    assertThat(c.get(line, 12, 15)).isEqualTo("PUT");
    assertThat(c.get(line, 16, 19)).isEqualTo("GET");
    assertThat(c.find(line, 7, 11)).isNull();
    assertThat(c.get(line, 7, 11)).isEqualTo("POST");
    assertThat(c.get(line, 20, 28)).isEqualTo("10.0.0.1");
    assertThat(c.get(line, 29, 37)).isEqualTo("10.0.0.2");
    assertThat(c.get(line, 38, 46)).isEqualTo("10.0.0.1");
    assertThat(c.find(line, 0, 0)).isNull();
    assertThat(c.get(line, 0, 0)).isEmpty();
  }

  @Test
  void fullCacheStillAnswersEveryToken() {
    StringCache c = new StringCache();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 2000; i++) {
        byte[] t = bytes("token-" + i);
        assertThat(c.get(t, 0, t.length)).isEqualTo("token-" + i);
      }
    }
    byte[] ua = bytes("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "HeadlessChrome/156.0.0.0 Safari/537.36");
    assertThat(c.get(ua, 0, ua.length)).isEqualTo(new String(ua, StandardCharsets.UTF_8));
  }
}
