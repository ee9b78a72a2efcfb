package io.siodoctor.parsers.engineio;

import static io.siodoctor.parsers.engineio.PacketDecoder.decodePolling;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.EngineIoPacket.Type;
import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DecodePollingTest {
  private static final String V4_HANDSHAKE =
      "0{\"sid\":\"Lbo5JLzTotvW3g2LAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
          + "\"pingTimeout\":20000,\"maxPayload\":1000000}";
  private static final String V3_HANDSHAKE =
      "96:0{\"sid\":\"ptzi_578ycUci8WLB9G1\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
          + "\"pingTimeout\":5000}2:40";

  @Test
  void v4HandshakeIsOneUnframedPacket() {
    EngineIoPayload p = decodePolling(V4_HANDSHAKE, "text/plain; charset=UTF-8", false);
    assertThat(p.framing()).isEqualTo(Framing.SINGLE);
    assertThat(p.packets()).singleElement().satisfies(open -> {
      assertThat(open.type()).isEqualTo(Type.OPEN);
      assertThat(open.data()).startsWith("{\"sid\":\"Lbo5JLzTotvW3g2LAAAA\"");
    });
    assertThat(p.provenRevision()).isEqualTo(ProtocolRevision.UNKNOWN);
  }

  @Test
  void v3HandshakeIsLengthPrefixedWithTheImplicitConnect() {
    EngineIoPayload p = decodePolling(V3_HANDSHAKE, "text/plain; charset=UTF-8", false);
    assertThat(p.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(p.problem()).isNull();
    assertThat(p.packets()).extracting(EngineIoPacket::type).containsExactly(Type.OPEN, Type.MESSAGE);
    assertThat(p.packets().get(1).carries(SocketIoPacket.Type.CONNECT)).isTrue();
    assertThat(p.provenRevision()).isEqualTo(ProtocolRevision.EIO3);
  }

  @Test
  void aTenDigitLengthPastTheIntRangeIsACutBodyNotAnException() {
    // 9,999,999,999 does not fit an int: the framing reader reads lengths as long
    EngineIoPayload p = decodePolling("2:409999999999:4hello", "text/plain; charset=UTF-8", false);
    assertThat(p.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(p.packets()).extracting(EngineIoPacket::type).containsExactly(Type.MESSAGE);
    assertThat(p.problem()).isEqualTo("the body ends inside a packet of 9999999999 characters (cut?)");
  }

  @Test
  void theRedactorCutsLengthPrefixedBodiesWithTheDecodersReader() {
    assertThat(LengthPrefixedPayload.packets("2:400:1:2")).containsExactly("40", "", "2");
    assertThat(LengthPrefixedPayload.packets("5:40")).isNull();
    assertThat(LengthPrefixedPayload.packets("2:40x")).isNull();
  }

  @Test
  void v4RecordSeparatedPackets() {
    EngineIoPayload p = decodePolling("4hello\u001e2\u001e4world", null, false);
    assertThat(p.framing()).isEqualTo(Framing.RECORD_SEPARATOR);
    assertThat(p.packets()).extracting(EngineIoPacket::type).containsExactly(Type.MESSAGE, Type.PING, Type.MESSAGE);
    assertThat(p.packets()).extracting(EngineIoPacket::data).containsExactly("hello", "", "world");
    assertThat(p.provenRevision()).isEqualTo(ProtocolRevision.EIO4);
  }

  @Test
  void v4BinaryPacketIsBase64WithAbPrefix() {
    EngineIoPayload p = decodePolling("4hello\u001ebAQIDBA==", null, false);
    assertThat(p.packets().get(1)).isEqualTo(new EngineIoPacket(Type.MESSAGE, "AQIDBA==", true, null));
  }

  @Test
  void noopAndPingAndCloseAlone() {
    assertThat(decodePolling("6", "text/plain", false).packets()).singleElement()
        .extracting(EngineIoPacket::type).isEqualTo(Type.NOOP);
    assertThat(decodePolling("2", "text/plain", false).packets().get(0).type()).isEqualTo(Type.PING);
    assertThat(decodePolling("1", "text/plain", false).packets().get(0).type()).isEqualTo(Type.CLOSE);
  }

  @Test
  void okAnswerToAPostIsSingleWithoutPackets() {
    EngineIoPayload p = decodePolling("ok", "text/html", false);
    assertThat(p.framing()).isEqualTo(Framing.SINGLE);
    assertThat(p.packets()).isEmpty();
    assertThat(p.isEngineIo()).isTrue();
  }

  @Test
  void emptyBody() {
    assertThat(decodePolling("", "text/plain", false)).isSameAs(EngineIoPayload.EMPTY_PAYLOAD);
    assertThat(decodePolling(null, null, false).framing()).isEqualTo(Framing.EMPTY);
  }

  @Test
  void v3LengthsCountUtf16CharsNotBytes() {
    // "€" is 3 bytes in UTF-8 but one JavaScript character
    EngineIoPayload p = decodePolling("2:4€10:b4AQIDBA==", "text/plain", false);
    assertThat(p.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(p.problem()).isNull();
    assertThat(p.packets()).containsExactly(
        new EngineIoPacket(Type.MESSAGE, "€", false, PacketDecoder.decodeSocketIo("€")),
        new EngineIoPacket(Type.MESSAGE, "AQIDBA==", true, null));
  }

  @Test
  void v3TextPayloadOfSeveralMessages() {
    EngineIoPayload p = decodePolling("6:4hello6:4world", null, false);
    assertThat(p.packets()).extracting(EngineIoPacket::data).containsExactly("hello", "world");
  }

  @Test
  void v3EmptyPayloadIsZeroColon() {
    EngineIoPayload p = decodePolling("0:", "text/plain", false);
    assertThat(p.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(p.packets()).isEmpty();
  }

  @Test
  void v3PayloadCutInsideAPacketKeepsTheCompletePackets() {
    EngineIoPayload p = decodePolling("2:4018:44\"not auth", "text/plain", false);
    assertThat(p.packets()).hasSize(1);
    assertThat(p.problem()).contains("ends inside a packet of 18 characters");
  }

  @Test
  void v3ConnectErrorInAPollingPayload() {
    EngineIoPayload p = decodePolling("18:44\"not authorized\"", "text/plain", false);
    assertThat(p.packets().get(0).socketIo().errorMessage()).isEqualTo("not authorized");
  }

  @Test
  void xhr2BinaryPayloadArrivingAsBase64HarText() {
    // 00 04 ff "4€" (a string packet of 4 bytes), then 01 05 ff 04 01 02 03 04: a binary message
    // whose first byte is its type, as engine.io-parser 2.x writes it
    byte[] bytes = {0, 4, (byte) 0xff, 0x34, (byte) 0xe2, (byte) 0x82, (byte) 0xac,
        1, 5, (byte) 0xff, 4, 1, 2, 3, 4};
    EngineIoPayload p =
        decodePolling(Base64.getEncoder().encodeToString(bytes), "application/octet-stream", true);
    assertThat(p.framing()).isEqualTo(Framing.BINARY_LENGTH_PREFIXED);
    assertThat(p.problem()).isNull();
    assertThat(p.packets()).extracting(EngineIoPacket::type).containsExactly(Type.MESSAGE, Type.MESSAGE);
    assertThat(p.packets().get(0).data()).isEqualTo("€");
    assertThat(p.packets().get(1)).isEqualTo(new EngineIoPacket(Type.MESSAGE, "AQIDBA==", true, null));
  }

  @Test
  void nettySocketIo2WritesRevision4TextAsOctetStream() {
    // netty-socketio 2.0.13 answers an EIO=4 handshake with "0{...}" typed application/octet-stream
    // (sample-captures/healthy--netty-socketio-2-0 entries[2]); Chrome's HAR holds it as base64
    String open = "0{\"sid\":\"31a5d1cd-6a20-4e29-b96c-d41d23e07318\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":60000}";
    EngineIoPayload p = decodePolling(
        Base64.getEncoder().encodeToString(open.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "application/octet-stream", true);
    assertThat(p.problem()).isNull();
    assertThat(p.packets()).singleElement().satisfies(o -> {
      assertThat(o.type()).isEqualTo(Type.OPEN);
      assertThat(o.data()).contains("31a5d1cd-6a20-4e29-b96c-d41d23e07318");
    });
  }

  @Test
  void xhr2BinaryPayloadFromTheProtocolDocument() {
    // domain.md §1.3 / engine.io-protocol v3: 00 04 ff 34 e2 82 ac 01 04 ff 01 02 03 04. The spec
    // text omits the type byte of the binary packet, so a real decoder reads 01 as "close"
    byte[] bytes = {0, 4, (byte) 0xff, 0x34, (byte) 0xe2, (byte) 0x82, (byte) 0xac, 1, 4, (byte) 0xff, 1, 2, 3, 4};
    EngineIoPayload p = decodePolling(Base64.getEncoder().encodeToString(bytes), "application/octet-stream", true);
    assertThat(p.packets()).hasSize(2);
    assertThat(p.packets().get(0).data()).isEqualTo("€");
    assertThat(p.packets().get(1).binary()).isTrue();
  }

  @Test
  void xhr2BinaryPayloadMangledIntoTextByTheExporter() {
    String latin1 = "\u0000\u0004\u00ff4\u00e2\u0082\u00ac";
    EngineIoPayload p = decodePolling(latin1, "application/octet-stream", false);
    assertThat(p.framing()).isEqualTo(Framing.BINARY_LENGTH_PREFIXED);
    assertThat(p.packets().get(0).data()).isEqualTo("€");

    String utf8WithReplacement = "\u0000\u0004\ufffd4€";
    assertThat(decodePolling(utf8WithReplacement, "application/octet-stream", false).packets().get(0).data())
        .isEqualTo("€");
  }

  @Test
  void jsonpAnswer() {
    String body = "___eio[0](\"96:0{\\\"sid\\\":\\\"ptzi_578ycUci8WLB9G1\\\",\\\"upgrades\\\":[\\\"websocket\\\"],"
        + "\\\"pingInterval\\\":25000,\\\"pingTimeout\\\":5000}2:40\");";
    EngineIoPayload p = decodePolling(body, "text/javascript; charset=UTF-8", false);
    assertThat(p.framing()).isEqualTo(Framing.JSONP);
    assertThat(p.packets()).extracting(EngineIoPacket::type).containsExactly(Type.OPEN, Type.MESSAGE);
    assertThat(p.provenRevision()).isEqualTo(ProtocolRevision.EIO3);
  }

  @Test
  void jsonpFormPost() {
    EngineIoPayload p = decodePolling("d=10%3A42%5B%22hi%22%2C1%5D", "application/x-www-form-urlencoded", false);
    assertThat(p.framing()).isEqualTo(Framing.JSONP);
    assertThat(p.packets()).singleElement().satisfies(m -> assertThat(m.socketIo().eventName()).isEqualTo("hi"));
  }

  @Test
  void htmlNotFoundPageIsNotEngineIo() {
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /socket.io/</pre>\n</body>\n</html>\n";
    EngineIoPayload p = decodePolling(html, "text/html; charset=utf-8", false);
    assertThat(p.framing()).isEqualTo(Framing.NOT_ENGINE_IO);
    assertThat(p.problem()).isEqualTo("HTML page \"Error\"");
    assertThat(p.isEngineIo()).isFalse();
  }

  @Test
  void engineIoJsonErrorIsNotAPayload() {
    EngineIoPayload p = decodePolling("{\"code\":5,\"message\":\"Unsupported protocol version\"}", "application/json", false);
    assertThat(p.framing()).isEqualTo(Framing.NOT_ENGINE_IO);
    assertThat(p.problem()).isEqualTo("engine.io error 5 \"Unsupported protocol version\"");
  }

  @Test
  void otherJsonAndPlainText() {
    assertThat(decodePolling("{\"error\":\"nope\"}", "application/json", false).problem()).startsWith("JSON document");
    assertThat(decodePolling("Cannot GET /socket.io/", "text/html", false).problem())
        .isEqualTo("plain text: Cannot GET /socket.io/");
    assertThat(decodePolling("404 page not found", "text/plain", false).problem())
        .isEqualTo("plain text: 404 page not found");
    assertThat(decodePolling("502 Bad Gateway", "text/plain", false).framing()).isEqualTo(Framing.NOT_ENGINE_IO);
  }

  @Test
  void base64TextBodyIsDecodedFirst() {
    String b64 = Base64.getEncoder().encodeToString(V4_HANDSHAKE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(decodePolling(b64, "text/plain", true).packets().get(0).type()).isEqualTo(Type.OPEN);
    assertThat(decodePolling("!!not base64!!", "text/plain", true).framing()).isEqualTo(Framing.NOT_ENGINE_IO);
  }

  @Test
  void unknownPacketTypeInsideARecordSeparatedPayloadIsInvalid() {
    EngineIoPayload p = decodePolling("4a\u001e9x", null, false);
    assertThat(p.packets()).extracting(EngineIoPacket::type).containsExactly(Type.MESSAGE, Type.INVALID);
  }
}
