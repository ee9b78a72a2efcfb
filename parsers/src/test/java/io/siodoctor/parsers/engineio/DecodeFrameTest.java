package io.siodoctor.parsers.engineio;

import static io.siodoctor.parsers.engineio.PacketDecoder.decodeFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.EngineIoPacket.Type;
import org.junit.jupiter.api.Test;

class DecodeFrameTest {

  @Test
  void upgradeProbeSequence() {
    EngineIoPacket ping = decodeFrame("2probe", 1, ProtocolRevision.EIO4);
    EngineIoPacket pong = decodeFrame("3probe", 1, ProtocolRevision.EIO4);
    EngineIoPacket upgrade = decodeFrame("5", 1, ProtocolRevision.EIO4);
    assertThat(ping.type()).isEqualTo(Type.PING);
    assertThat(ping.isProbe()).isTrue();
    assertThat(pong.type()).isEqualTo(Type.PONG);
    assertThat(pong.isProbe()).isTrue();
    assertThat(upgrade.type()).isEqualTo(Type.UPGRADE);
    assertThat(decodeFrame("2", 1, ProtocolRevision.EIO4).isProbe()).isFalse();
  }

  @Test
  void noopAndHeartbeat() {
    assertThat(decodeFrame("6", 1, ProtocolRevision.EIO3).type()).isEqualTo(Type.NOOP);
    assertThat(decodeFrame("3", 1, ProtocolRevision.EIO3).type()).isEqualTo(Type.PONG);
  }

  @Test
  void openPacketOfAWebSocketOnlySession() {
    EngineIoPacket open = decodeFrame("0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}", 1, ProtocolRevision.EIO4);
    assertThat(open.type()).isEqualTo(Type.OPEN);
    assertThat(PacketDecoder.parseHandshake(open).sid()).isEqualTo("abc");
  }

  @Test
  void messageFrameCarriesItsSocketIoPacket() {
    EngineIoPacket m = decodeFrame("40{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}", 1, ProtocolRevision.EIO4);
    assertThat(m.type()).isEqualTo(Type.MESSAGE);
    assertThat(m.carries(SocketIoPacket.Type.CONNECT)).isTrue();
    assertThat(m.socketIo().socketId()).isEqualTo("wZX3oN0bSVIhsaknAAAI");
  }

  @Test
  void v4BinaryFrameIsABareMessage() {
    EngineIoPacket m = decodeFrame("AQIDBA==", 2, ProtocolRevision.EIO4);
    assertThat(m).isEqualTo(new EngineIoPacket(Type.MESSAGE, "AQIDBA==", true, null));
    assertThat(decodeFrame("AQIDBA==", 2, ProtocolRevision.UNKNOWN).data()).isEqualTo("AQIDBA==");
  }

  @Test
  void v3BinaryFrameStartsWithTheTypeByte() {
    // 04 01 02 03 04: message, data 01 02 03 04
    EngineIoPacket m = decodeFrame("BAECAwQ=", 2, ProtocolRevision.EIO3);
    assertThat(m).isEqualTo(new EngineIoPacket(Type.MESSAGE, "AQIDBA==", true, null));
    assertThat(decodeFrame("BAECAwQ=", 2, ProtocolRevision.EIO2).type()).isEqualTo(Type.MESSAGE);
  }

  @Test
  void invalidFrames() {
    assertThat(decodeFrame("", 1, ProtocolRevision.EIO4).type()).isEqualTo(Type.INVALID);
    assertThat(decodeFrame(null, 1, ProtocolRevision.EIO4).type()).isEqualTo(Type.INVALID);
    assertThat(decodeFrame("hello", 1, ProtocolRevision.EIO4).type()).isEqualTo(Type.INVALID);
    assertThat(decodeFrame("%%%", 2, ProtocolRevision.EIO3).type()).isEqualTo(Type.INVALID);
    assertThat(decodeFrame("CQ==", 2, ProtocolRevision.EIO3).type()).isEqualTo(Type.INVALID); // type byte 9
  }
}
