package io.siodoctor.parsers.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.fuzz.FuzzChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast path of {@link EngineIoUrls} gives the plain reader's answer, URL by URL. */
class EngineIoUrlsTest {

  public static List<String> urls() {
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
        "/?",
        // an Engine.IO URL written unescaped into a login page's return address
        "/signin?rd=http://app.example.com:48661/socket.io/?EIO=4&transport=polling&t=cf3wtdf3",
        "/signin?rd=http%3A%2F%2Fapp.example.com%2Fsocket.io%2F%3FEIO%3D4%26transport%3Dpolling&transport=polling",
        "/socket.io/?EIO=4&transport=polling&rd=/x?EIO=3");
  }

  @Test
  void aPageWhoseQueryCarriesAnEngineIoUrlIsNoEngineIoRequest() {
    // the browser following an SSO redirect: its transport and t are the embedded URL's
    assertThat(EngineIoUrls.parse(
        "/signin?rd=http://app.example.com:48661/socket.io/?EIO=4&transport=polling&t=cf3wtdf3")).isNull();
    // a request of its own keeps its own EIO, whatever a value holds
    assertThat(EngineIoUrls.parse("/socket.io/?EIO=4&transport=polling&rd=/x?EIO=3").eio()).isEqualTo("4");
    // without EIO, transport alone still makes one (a sanitizer that dropped EIO)
    assertThat(EngineIoUrls.parse("/socket.io/?transport=polling&t=x")).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("urls")
  void fastPathAgreesWithThePlainReader(String url) {
    assertThat(EngineIoUrls.parse(url)).isEqualTo(EngineIoUrls.plain(url));
  }

  /** Generated URLs built from the pieces that decide each branch of both readers. */
  @Test
  void fastPathAgreesOnGeneratedUrls() {
    String[] starts = {"", "/", "/socket.io/", "http://h", "https://h:8/a/", "//h", "wss://h/x/",
        "a://b://c/", " /", "/p ", "/\u00e9/", "ws://h/socket%2Eio/"};
    String[] names = {"EIO", "transport", "sid", "b64", "t", "eio", "EIO ", "", "x=y", "sid%3D"};
    String[] values = {"", "4", "3", "polling", "websocket", "webtransport", "flash", "0", "1",
        "a+b", "a%2Fb", "%zz", "\u00e9", "x#y", "a b", "?", "=", "Lbo5JLzTotvW3g2LAAAA", "h/?EIO=4"};
    Random r = new Random(16);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder url = new StringBuilder(starts[r.nextInt(starts.length)]).append('?');
      int params = r.nextInt(5);
      for (int k = 0; k < params; k++) {
        if (k > 0 || r.nextInt(8) == 0) {
          url.append('&');
        }
        url.append(names[r.nextInt(names.length)]);
        if (r.nextInt(6) != 0) {
          url.append('=').append(values[r.nextInt(values.length)]);
        }
      }
      if (r.nextInt(10) == 0) {
        url.append(r.nextBoolean() ? "#frag" : " ");
      }
      String u = url.toString();
      assertThat(EngineIoUrls.parse(u)).as(u).isEqualTo(EngineIoUrls.plain(u));
    }
  }

  /** Every token of the sample captures that holds a {@code ?}: HAR URLs, access-log targets. */
  @Test
  void fastPathAgreesOnEveryUrlOfTheSampleCaptures() throws IOException {
    Set<String> urls = new LinkedHashSet<>();
    for (Path file : FuzzChecks.sampleCaptureFiles()) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (String token : text.split("[\\s\"'<>]+")) {
        if (token.indexOf('?') >= 0 && token.length() < 4096) {
          urls.add(token);
        }
      }
    }
    assertThat(urls).hasSizeGreaterThan(1000);
    int engineIo = 0;
    for (String u : urls) {
      EngineIoQuery q = EngineIoUrls.plain(u);
      assertThat(EngineIoUrls.parse(u)).as(u).isEqualTo(q);
      engineIo += q == null ? 0 : 1;
    }
    assertThat(engineIo).as("Engine.IO URLs among them").isGreaterThan(500);
  }
}
