package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.EngineIoUrls;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogUrlsTest {

  @ParameterizedTest
  @MethodSource("io.siodoctor.parsers.engineio.EngineIoUrlsTest#urls")
  void bytesReadInPlaceGiveTheStringAnswer(String url) {
    // inside a longer line, as the access parser reads it, with one cache for both rounds
    byte[] line = ("\"GET " + url + " HTTP/1.1\"").getBytes(StandardCharsets.UTF_8);
    int from = 5;
    int to = line.length - 10;
    StringCache cache = new StringCache();
    for (int round = 0; round < 2; round++) {
      assertThat(EngineIoUrls.parse(line, from, to, url, cache)).isEqualTo(EngineIoUrls.parse(url));
    }
  }

  @Test
  void sidsInText() {
    assertThat(LogUrls.sidInText("GET /socket.io/?EIO=4&transport=polling&sid=C-UMVuI3T1QZRV4gAAAA 400"))
        .isEqualTo("C-UMVuI3T1QZRV4gAAAA");
    assertThat(LogUrls.sidInText("closed sid=abc_DEF-123, code=1")).isEqualTo("abc_DEF-123");
    assertThat(LogUrls.sidInText("no session here, nosid=x")).isNull();
    assertThat(LogUrls.sidInText("40{\"sid\":\"SH6xF8hl4qB5kR2gAAAA\"}")).isNull();
    assertThat(LogUrls.sidInOpenPacket("({\"sid\":\"ssO51L53Emo8zXiyAAAA\",\"upgrades\":[]})"))
        .isEqualTo("ssO51L53Emo8zXiyAAAA");
    assertThat(LogUrls.sidOfUrl("/socket.io/?EIO=4&transport=polling&t=x&sid=a%2Db"))
        .isEqualTo("a-b");
    assertThat(LogUrls.sidOfUrl("/socket.io/?EIO=4&xsid=nope")).isNull();
  }

  /** The range form reads a URL inside a longer text exactly as the URL cut out of it. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "request: \"GET /socket.io/?EIO=4&transport=websocket&sid=AJ0DAl7IojvYscWgAAAA HTTP/1.1\", host",
        "request: \"GET /?sid=\"abc, x",
        "request: \"GET /?sid=\" abc",
        "request: \"GET /?xsid=1&sid=a%2Db\"",
        "request: \"sid=abc&sid=def\"",
        "request: \"GET /?a=1&si\"d=abc",
        "request: \"GET /?a=1&sid",
        "request: \"\"",
      })
  void sidOfUrlInsideTextAsOfTheCutUrl(String text) {
    int from = text.indexOf('"') + 1;
    int close = text.indexOf('"', from);
    int to = close < 0 ? text.length() : close;
    assertThat(LogUrls.sidOfUrl(text, from, to)).isEqualTo(LogUrls.sidOfUrl(text.substring(from, to)));
  }
}
