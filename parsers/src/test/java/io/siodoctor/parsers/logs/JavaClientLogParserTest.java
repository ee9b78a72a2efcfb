package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Java client's messages (texts from io.socket:engine.io-client 2.1.0 and socket.io-client
 * 2.1.1 class files) in java.util.logging's default two-line format and through slf4j: a fixture,
 * since no Java client recording is in sample-captures yet.
 */
class JavaClientLogParserTest {
  private final JavaClientLogParser parser = new JavaClientLogParser();

  @Test
  void julTwoLineFormat() {
    String text = """
        Dec 07, 2026 2:04:35 PM io.socket.engineio.client.Socket onPacket
        FINE: socket received: type 'open', data '{"sid":"Lbo5JLzTotvW3g2LAAAA","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000}'
        Dec 07, 2026 2:04:36 PM io.socket.engineio.client.Socket onPacket
        FINE: socket received: type 'ping', data 'null'
        Dec 07, 2026 2:05:21 PM io.socket.engineio.client.Socket onClose
        FINE: socket close with reason: ping timeout
        Dec 07, 2026 2:05:21 PM io.socket.engineio.client.Socket$7$1 run
        FINE: probe transport 'websocket' failed
        Dec 07, 2026 2:05:22 PM io.socket.client.Manager$7$1$1 call
        FINE: reconnect attempt error
        """;
    CollectingSink s = Parse.text(parser, "client.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(LogEvent.OTHER, LogEvent.PING_RECEIVED,
        LogEvent.CLOSED, LogEvent.UPGRADE_INCOMPLETE, LogEvent.CLIENT_CONNECT_ERROR);
    assertThat(s.lines.get(0).sid()).contains("Lbo5JLzTotvW3g2LAAAA");
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-12-07T14:04:35Z"));
    assertThat(s.lines.get(0).source()).isEqualTo("io.socket.engineio.client.Socket");
    assertThat(s.lines.get(0).level()).isEqualTo("fine");
    assertThat(s.lines.get(2).fact().text()).isEqualTo("ping timeout");
    assertThat(Parse.sniff(parser, text)).isTrue();
  }

  @Test
  void slf4jLinesAndTheV2ServerMessage() {
    String text = """
        2026-12-07T14:04:35.120Z [EventThread] DEBUG io.socket.engineio.client.Socket - socket close with reason: transport error
        2026-12-07T14:04:35.200Z [main] ERROR com.example.Chat - connect_error: It seems you are trying to reach a Socket.IO server in v2.x with a v3.x client, but they are not compatible (more information here: https://socket.io/docs/v3/migrating-from-2-x-to-3-0/)
        """;
    CollectingSink s = Parse.text(parser, "client.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(LogEvent.CLOSED, LogEvent.CLIENT_CONNECT_ERROR);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-12-07T14:04:35.120Z"));
    assertThat(s.lines.get(1).fact()).isEqualTo(LogFact.ConnectFailed.SERVER_IS_V2);
  }

  @Test
  void sniffsOnlyTheJavaClient() {
    assertThat(Parse.sniff(parser, "2026-12-07T14:10:16.385Z [main] INFO com.corundumstudio.socketio.SocketIOServer - started\n")).isFalse();
    assertThat(Parse.sniff(parser, "2021-05-15T15:17:22.687Z engine handshaking client \"ssO51L53Emo8zXiyAAAA\"\n")).isFalse();
  }
}
