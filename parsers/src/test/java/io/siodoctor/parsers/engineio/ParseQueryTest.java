package io.siodoctor.parsers.engineio;

import static io.siodoctor.parsers.engineio.PacketDecoder.parseQuery;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseQueryTest {

  @Test
  void pollingHandshakeUrl() {
    EngineIoQuery q = parseQuery("https://example.com/socket.io/?EIO=4&transport=polling&t=N8hyd6w");
    assertThat(q).isEqualTo(new EngineIoQuery("/socket.io/", "4", "polling", null, false));
    assertThat(q.revision()).isEqualTo(ProtocolRevision.EIO4);
    assertThat(q.isHandshake()).isTrue();
  }

  @Test
  void webSocketUpgradeUrlWithSid() {
    EngineIoQuery q = parseQuery("wss://example.com/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA");
    assertThat(q.path()).isEqualTo("/socket.io/");
    assertThat(q.isWebSocket()).isTrue();
    assertThat(q.sid()).isEqualTo("Lbo5JLzTotvW3g2LAAAA");
    assertThat(q.isHandshake()).isFalse();
  }

  @Test
  void plainWsAndHttpSchemesAndCustomPath() {
    assertThat(parseQuery("ws://localhost:3000/my-path/?EIO=3&transport=websocket").path())
        .isEqualTo("/my-path/");
    assertThat(parseQuery("http://localhost:3000/socket.io/?EIO=3&transport=polling&b64=1").base64())
        .isTrue();
  }

  @Test
  void relativeUrlsAndBareQueries() {
    assertThat(parseQuery("/socket.io/?EIO=2&transport=polling&t=1408648886249-1&sid=abc"))
        .isEqualTo(new EngineIoQuery("/socket.io/", "2", "polling", "abc", false));
    assertThat(parseQuery("?transport=polling").transport()).isEqualTo("polling");
  }

  @Test
  void percentEncodingIsDecodedAndBadEscapesSurvive() {
    EngineIoQuery q = parseQuery("https://h/socket.io/?EIO=4&transport=polling&sid=a%2Fb%3D%3D&x=%zz");
    assertThat(q.sid()).isEqualTo("a/b==");
    assertThat(parseQuery("https://h/socket%2Eio/?EIO=4").path()).isEqualTo("/socket.io/");
  }

  @Test
  void transportAloneIsEnoughAndFragmentsAreIgnored() {
    assertThat(parseQuery("https://h/ws?transport=webtransport#frag").transport()).isEqualTo("webtransport");
    assertThat(parseQuery("https://h/socket.io/?EIO=4&transport=polling#x=1").transport()).isEqualTo("polling");
  }

  @Test
  void aSanitizersPlaceholderForTheSidIsARedactedSessionNotAHandshakeNorAnId() {
    for (String placeholder : new String[] {"[REDACTED]", "%5BREDACTED%5D", "[sid%20redacted]", "***", "redacted"}) {
      EngineIoQuery q = parseQuery("https://h/socket.io/?EIO=4&transport=polling&sid=" + placeholder + "&t=x");
      assertThat(q.sid()).as(placeholder).isNull();
      assertThat(q.sidRedacted()).as(placeholder).isTrue();
      assertThat(q.isHandshake()).as(placeholder).isFalse();
    }
    // a real sid, an empty one (a handshake) and no sid at all stay what they were
    EngineIoQuery real = parseQuery("/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA");
    assertThat(real.sid()).isEqualTo("Lbo5JLzTotvW3g2LAAAA");
    assertThat(real.sidRedacted()).isFalse();
    assertThat(parseQuery("/socket.io/?EIO=4&transport=polling&sid=").isHandshake()).isTrue();
    assertThat(parseQuery("/socket.io/?EIO=4&transport=polling").sidRedacted()).isFalse();
    // a short sid that is no placeholder (test servers, custom generateId) is still an id
    assertThat(parseQuery("/socket.io/?EIO=4&transport=polling&sid=abc").sid()).isEqualTo("abc");
  }

  @Test
  void firstOccurrenceOfAParameterWins() {
    assertThat(parseQuery("/socket.io/?EIO=3&EIO=4").eio()).isEqualTo("3");
  }

  @Test
  void notEngineIoUrls() {
    assertThat(parseQuery("https://example.com/app.js")).isNull();
    assertThat(parseQuery("https://example.com/api?transport=carrier-pigeon")).isNull();
    assertThat(parseQuery("https://example.com/socket.io/")).isNull();
    assertThat(parseQuery(null)).isNull();
    assertThat(parseQuery("")).isNull();
  }

  @Test
  void emptyB64IsFalseLikeTheServerSees() {
    assertThat(parseQuery("/socket.io/?EIO=3&b64=").base64()).isFalse();
    assertThat(parseQuery("/socket.io/?EIO=3&b64=0").base64()).isTrue();
  }

  @Test
  void aThirdPartyUrlWithAQueryIsNotEngineIo() {
    // regression: a query without EIO and without transport used to throw from Set.contains(null)
    assertThat(PacketDecoder.parseQuery("https://analytics.example.com/collect?v=2&tid=UA-1")).isNull();
  }
}
