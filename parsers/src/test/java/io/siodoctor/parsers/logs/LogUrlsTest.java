package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.PacketDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogUrlsTest {

  static List<String> urls() {
    return List.of(
        "/socket.io/?EIO=4&transport=polling&t=zhi56jls",
        "/socket.io/?EIO=4&transport=polling&t=zhi6j3c4&sid=8zVNQ_3kNnvUljZhAAAA",
        "http://10.0.0.30:80/socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA",
        "wss://app.example/socket.io/?EIO=3&transport=websocket&sid=a&b64=1",
        "//cdn.example/socket.io/?EIO=3&transport=polling&b64=0",
        "https://host?EIO=4",
        "/realtime/?transport=websocket",
        "/realtime/?transport=flash",
        "/realtime/?transport=",
        "/socket.io/?EIO=&transport=polling",
        "/socket.io/?EIO&transport=polling&sid",
        "/socket.io/?EIO=4&EIO=3&transport=polling&transport=websocket&sid=x&sid=y",
        "/socket.io/?&&EIO=4&&",
        "/socket.io/?EIO=4&transport=polling&sid=a%2Fb",
        "/socket.io/?EIO=4&transport=polling&q=a+b",
        "/socket.io/?EIO=4&transport=polling#frag",
        " /socket.io/?EIO=4&transport=polling ",
        "/api/items?page=2",
        "/index.html",
        "?EIO=4",
        "/socket.io/?b64=&EIO=3",
        "/socket.io/?sid=&EIO=4&transport=websocket",
        // for the in-place reader: not ASCII, inner spaces and controls, odd keys
        "/socket.io/?EIO=4&transport=polling&sid=\u00e9t\u00e9",
        "/socket.io/?EIO=4&transport=polling&t=a b&sid=x",
        "/socket.io/?EIO=4&transport=polling&sid=x\t",
        "/socket.io/?b64=1&EIO=4&b64=",
        "/socket.io/?b64&EIO=4",
        "/socket.io/?EIO=4=5&transport==polling",
        "/socket.io/?EIO=4&transport=polling&sid=a&",
        "/socket.io/?EIO=4&TRANSPORT=polling&Sid=a&eio=3",
        "/socket.io/?transport=polling&EIO",
        "/socket.io/?transport=webtransport&sid=q",
        "/socket.io/?transport=webtransport?x&sid=q?",
        "http://h:80?EIO=4",
        "http://h:80/a/b?EIO=4",
        "//h?EIO=4",
        "a://b://c/d?EIO=4",
        "?",
        "/?");
  }

  @ParameterizedTest
  @MethodSource("urls")
  void sameAnswerAsPacketDecoder(String url) {
    assertThat(LogUrls.query(url)).isEqualTo(PacketDecoder.parseQuery(url));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void bytesReadInPlaceGiveTheStringAnswer(String url) {
    // inside a longer line, as the access parser reads it, with one cache for both rounds
    byte[] line = ("\"GET " + url + " HTTP/1.1\"").getBytes(StandardCharsets.UTF_8);
    int from = 5;
    int to = line.length - 10;
    StringCache cache = new StringCache();
    for (int round = 0; round < 2; round++) {
      assertThat(LogUrls.query(line, from, to, url, cache)).isEqualTo(LogUrls.query(url));
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
