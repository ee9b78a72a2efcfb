package io.siodoctor.parsers.engineio;

import static io.siodoctor.parsers.engineio.PacketDecoder.decodeSocketIo;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.SocketIoPacket.Type;
import org.junit.jupiter.api.Test;

/** Wire strings are written as on the wire, Engine.IO type {@code 4} included (domain.md §2.2). */
class DecodeSocketIoTest {

  /** The Socket.IO packet of an Engine.IO message as a WebSocket frame carries it. */
  private static SocketIoPacket wire(String frame) {
    EngineIoPacket message = PacketDecoder.decodeFrame(frame, 1, ProtocolRevision.EIO4);
    assertThat(message.type()).isEqualTo(EngineIoPacket.Type.MESSAGE);
    return message.socketIo();
  }

  @Test
  void connectToTheMainNamespace() {
    assertThat(wire("40"))
        .isEqualTo(new SocketIoPacket(Type.CONNECT, "/", -1, 0, "", null, null, null));
  }

  @Test
  void connectWithAuthAndConnectAccepted() {
    assertThat(wire("40/admin,{\"token\":\"123\"}").namespace()).isEqualTo("/admin");
    SocketIoPacket accepted = wire("40/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}");
    assertThat(accepted.type()).isEqualTo(Type.CONNECT);
    assertThat(accepted.namespace()).isEqualTo("/admin");
    assertThat(accepted.socketId()).isEqualTo("oSO0OpakMV_3jnilAAAA");
  }

  @Test
  void v5ConnectErrorObject() {
    SocketIoPacket p = wire("44{\"message\":\"not authorized\"}");
    assertThat(p.type()).isEqualTo(Type.CONNECT_ERROR);
    assertThat(p.errorMessage()).isEqualTo("not authorized");

    SocketIoPacket withData = wire("44{\"message\":\"Not authorized\",\"data\":{\"content\":\"retry\"}}");
    assertThat(withData.errorMessage()).isEqualTo("Not authorized");
    assertThat(withData.payload()).contains("\"data\"");
  }

  @Test
  void v4ConnectErrorString() {
    SocketIoPacket p = wire("44\"not authorized\"");
    assertThat(p.type()).isEqualTo(Type.CONNECT_ERROR);
    assertThat(p.errorMessage()).isEqualTo("not authorized");
  }

  @Test
  void v2ParserErrorSurfacedAsErrorPacket() {
    assertThat(wire("44\"parser error: invalid payload\"").errorMessage())
        .isEqualTo("parser error: invalid payload");
    // a server that writes the reason without JSON quotes still gets its text read
    assertThat(wire("44parser error").errorMessage()).isEqualTo("parser error");
  }

  @Test
  void invalidNamespaceFromAPathMistakenForANamespace() {
    SocketIoPacket p = wire("44/my-path,{\"message\":\"Invalid namespace\"}");
    assertThat(p.type()).isEqualTo(Type.CONNECT_ERROR);
    assertThat(p.namespace()).isEqualTo("/my-path");
    assertThat(p.errorMessage()).isEqualTo("Invalid namespace");
  }

  @Test
  void binaryEventWithAttachmentsPlaceholder() {
    SocketIoPacket p = wire("451-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(p.type()).isEqualTo(Type.BINARY_EVENT);
    assertThat(p.attachments()).isEqualTo(1);
    assertThat(p.eventName()).isEqualTo("baz");
    assertThat(p.namespace()).isEqualTo("/");
  }

  @Test
  void binaryAckInANamespace() {
    SocketIoPacket p = wire("461-/admin,1[{\"_placeholder\":true,\"num\":0}]");
    assertThat(p.type()).isEqualTo(Type.BINARY_ACK);
    assertThat(p.namespace()).isEqualTo("/admin");
    assertThat(p.ackId()).isEqualTo(1);
  }

  @Test
  void ackWithId() {
    SocketIoPacket p = wire("431[\"bar\"]");
    assertThat(p.type()).isEqualTo(Type.ACK);
    assertThat(p.ackId()).isEqualTo(1);
    assertThat(p.payload()).isEqualTo("[\"bar\"]");
  }

  @Test
  void eventsWithAndWithoutAckIdAndNamespace() {
    SocketIoPacket hello = wire("42[\"hello\",\"Jude\"]");
    assertThat(hello.eventName()).isEqualTo("hello");
    assertThat(hello.ackId()).isEqualTo(-1);
    SocketIoPacket tell = wire("42/admin,1[\"tellme\"]");
    assertThat(tell.namespace()).isEqualTo("/admin");
    assertThat(tell.ackId()).isEqualTo(1);
    assertThat(tell.eventName()).isEqualTo("tellme");
    assertThat(decodeSocketIo("2[42,\"x\"]").eventName()).isNull();
    assertThat(decodeSocketIo("2[42,\"x\"]").type()).isEqualTo(Type.EVENT);
  }

  @Test
  void disconnect() {
    assertThat(wire("41").type()).isEqualTo(Type.DISCONNECT);
    assertThat(wire("41/admin,").namespace()).isEqualTo("/admin");
    assertThat(decodeSocketIo("1/admin").namespace()).isEqualTo("/admin");
  }

  @Test
  void v2NamespaceQueryIsNotPartOfTheNamespace() {
    SocketIoPacket p = wire("40/admin?token=abc,");
    assertThat(p.type()).isEqualTo(Type.CONNECT);
    assertThat(p.namespace()).isEqualTo("/admin");
    assertThat(p.payload()).isEmpty();
  }

  @Test
  void invalidPacketsNeverThrow() {
    assertThat(decodeSocketIo("")).extracting(SocketIoPacket::type).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo(null).type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("9").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("hello").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("2{\"not\":\"an array\"}").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("2[]").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("2[\"unterminated\"").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("0[1]").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("1[\"x\"]").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("5x-[\"a\"]").type()).isEqualTo(Type.INVALID);
    assertThat(decodeSocketIo("3{}").type()).isEqualTo(Type.INVALID);
  }

  @Test
  void hugeEventPayloadStillNamesItsEvent() {
    String big = "2[\"upload\",\"" + "x".repeat(200_000) + "\"]";
    SocketIoPacket p = decodeSocketIo(big);
    assertThat(p.type()).isEqualTo(Type.EVENT);
    assertThat(p.eventName()).isEqualTo("upload");
  }
}
