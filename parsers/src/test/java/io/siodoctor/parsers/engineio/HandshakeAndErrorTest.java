package io.siodoctor.parsers.engineio;

import static io.siodoctor.parsers.engineio.PacketDecoder.parseError;
import static io.siodoctor.parsers.engineio.PacketDecoder.parseHandshake;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.EngineIoPacket.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeAndErrorTest {

  private static EngineIoPacket open(String json) {
    return new EngineIoPacket(Type.OPEN, json, false, null);
  }

  @Test
  void v4Handshake() {
    Handshake h = parseHandshake(open("{\"sid\":\"Lbo5JLzTotvW3g2LAAAA\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"));
    assertThat(h).isEqualTo(new Handshake("Lbo5JLzTotvW3g2LAAAA", List.of("websocket"), 25000, 20000, 1000000));
    assertThat(h.heartbeatWindowMillis()).isEqualTo(45000);
  }

  @Test
  void v3HandshakeHasNoMaxPayload() {
    Handshake h = parseHandshake(open("{\"sid\":\"ptzi_578ycUci8WLB9G1\",\"upgrades\":[\"websocket\"],"
        + "\"pingInterval\":25000,\"pingTimeout\":5000}"));
    assertThat(h.maxPayload()).isEqualTo(-1);
    assertThat(h.pingTimeout()).isEqualTo(5000);
  }

  @Test
  void notAHandshake() {
    assertThat(parseHandshake(open("{\"upgrades\":[]}"))).isNull();
    assertThat(parseHandshake(open("[1,2]"))).isNull();
    assertThat(parseHandshake(open("{\"sid\":"))).isNull();
    assertThat(parseHandshake(new EngineIoPacket(Type.MESSAGE, "{\"sid\":\"x\"}", false, null))).isNull();
    assertThat(parseHandshake(null)).isNull();
    assertThat(parseHandshake(open("{\"sid\":\"x\",\"pad\":\"" + "y".repeat(70_000) + "\"}"))).isNull();
  }

  @Test
  void jsonErrorBodies() {
    assertThat(parseError("{\"code\":1,\"message\":\"Session ID unknown\"}"))
        .isEqualTo(new EngineIoError(EngineIoError.UNKNOWN_SID, "Session ID unknown"));
    assertThat(parseError("{\"code\":5,\"message\":\"Unsupported protocol version\"}").code())
        .isEqualTo(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    // allowRequest's custom message, and extra members some versions add
    assertThat(parseError("{\"code\":4,\"message\":\"Too many connections\",\"context\":{\"name\":\"X\"}}"))
        .isEqualTo(new EngineIoError(EngineIoError.FORBIDDEN, "Too many connections"));
  }

  @Test
  void plainTextWebSocketRefusals() {
    assertThat(parseError("Session ID unknown").code()).isEqualTo(EngineIoError.UNKNOWN_SID);
    assertThat(parseError("Bad request").code()).isEqualTo(EngineIoError.BAD_REQUEST);
    assertThat(parseError("Transport unknown\n").code()).isEqualTo(EngineIoError.TRANSPORT_UNKNOWN);
    assertThat(parseError("Bad handshake method").code()).isEqualTo(EngineIoError.BAD_HANDSHAKE_METHOD);
    assertThat(parseError("Forbidden").code()).isEqualTo(EngineIoError.FORBIDDEN);
    assertThat(parseError("Unsupported protocol version").code()).isEqualTo(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
  }

  @Test
  void pythonEngineIoJsonStringBodies() {
    // python-engineio 4.3 (recorded in sample-captures/*python*) and newer releases' wording
    assertThat(parseError("\"The client is using an unsupported version of the Socket.IO or Engine.IO protocols\""))
        .extracting(EngineIoError::code).isEqualTo(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(parseError("\"Unsupported protocol version\"").code()).isEqualTo(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(parseError("\"Invalid session G9s3jCEvAz4w-uDVAAAB\"").code()).isEqualTo(EngineIoError.UNKNOWN_SID);
    assertThat(parseError("\"Invalid session\"").code()).isEqualTo(EngineIoError.UNKNOWN_SID);
    assertThat(parseError("\"Invalid transport\"").code()).isEqualTo(EngineIoError.TRANSPORT_UNKNOWN);
    assertThat(parseError("\"Bad Request\"").code()).isEqualTo(EngineIoError.BAD_REQUEST);
    assertThat(parseError("\"Invalid websocket upgrade\"").code()).isEqualTo(EngineIoError.BAD_REQUEST);
    assertThat(parseError("\"http://127.0.0.1:38795 is not an accepted origin.\"").code())
        .isEqualTo(EngineIoError.ORIGIN_NOT_ACCEPTED);
    assertThat(parseError("\"Not an accepted origin.\"").code()).isEqualTo(EngineIoError.ORIGIN_NOT_ACCEPTED);
    // a JSON string that is no python-engineio refusal, and a broken literal
    assertThat(parseError("\"Internal Server Error\"")).isNull();
    assertThat(parseError("\"Invalid session")).isNull();
  }

  @Test
  void notEngineIoErrors() {
    assertThat(parseError("{\"code\":404,\"message\":\"Not Found\"}")).isNull();
    assertThat(parseError("{\"message\":\"Session ID unknown\"}")).isNull();
    assertThat(parseError("<html>Bad request</html>")).isNull();
    assertThat(parseError("ok")).isNull();
    assertThat(parseError("")).isNull();
    assertThat(parseError(null)).isNull();
  }
}
