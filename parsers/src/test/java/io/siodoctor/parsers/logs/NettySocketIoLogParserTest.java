package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NettySocketIoLogParserTest {
  private final NettySocketIoLogParser parser = new NettySocketIoLogParser();

  @Test
  void slf4jSimpleLinesAsRecordedHere() {
    // sample-captures/healthy--netty-socketio-2-0 and sticky-session-missing--netty-two-nodes
    String text = """
        2026-12-07T14:10:16.385Z [nioEventLoopGroup-2-1] INFO com.corundumstudio.socketio.SocketIOServer - SocketIO server started at port: 34555
        2026-12-07T14:10:19.675Z [nioEventLoopGroup-3-2] DEBUG com.corundumstudio.socketio.handler.AuthorizeHandler - Handshake authorized for sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318, query params: {EIO=[4], transport=[polling], t=[ckxj5h94]} headers: {Host=[127.0.0.1:34555]}
        2026-12-07T14:10:20.418Z [nioEventLoopGroup-3-4] DEBUG com.corundumstudio.socketio.handler.ClientHead - Transport upgraded to: WEBSOCKET for: 31a5d1cd-6a20-4e29-b96c-d41d23e07318
        2026-12-07T14:10:27.679Z [nioEventLoopGroup-3-4] DEBUG com.corundumstudio.socketio.SocketIOChannelInitializer - Client with sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318 disconnected
        2026-12-07T14:10:50.040Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.transport.PollingTransport - a815af83-667b-4087-bec0-ca393e00573f is not registered. Closing connection
        2026-12-07T14:11:00.000Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.handler.AuthorizeHandler - Handshake unauthorized, query params: {EIO=[4]} headers: {}
        2026-12-07T14:11:01.000Z [nioEventLoopGroup-3-1] WARN com.corundumstudio.socketio.handler.WrongUrlHandler - Blocked wrong socket.io-context request! url: /chat/?EIO=4&transport=polling, params: {EIO=[4]}, ip: /127.0.0.1:5555
        2026-12-07T14:11:02.000Z [pool-1-thread-1] DEBUG com.corundumstudio.socketio.handler.ClientHead - 31a5d1cd-6a20-4e29-b96c-d41d23e07318 removed due to ping timeout
        2026-12-07T14:11:03.000Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.transport.WebSocketTransport - Unauthorized client with sessionId: a815af83-667b-4087-bec0-ca393e00573f with ip: /127.0.0.1:5555. Channel closed!
        2026-12-07T14:11:04.000Z [nioEventLoopGroup-3-1] INFO app - [node-a] connect 31a5d1cd-6a20-4e29-b96c-d41d23e07318
        2026-12-07T14:11:06.000Z [Thread-0] INFO com.corundumstudio.socketio.SocketIOServer - SocketIO server stopped
        """;
    CollectingSink s = Parse.text(parser, "node-b.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.SERVER_STARTED, LogEvent.HANDSHAKE, LogEvent.UPGRADE_DONE, LogEvent.OTHER, LogEvent.UNKNOWN_SID,
        LogEvent.CONNECT_ERROR_SENT, LogEvent.WRONG_PATH, LogEvent.CLOSED, LogEvent.UNKNOWN_SID, LogEvent.OTHER,
        LogEvent.SERVER_STOPPED);
    LogLine hs = s.lines.get(1);
    assertThat(hs.sid()).contains("31a5d1cd-6a20-4e29-b96c-d41d23e07318");
    assertThat(hs.time()).isEqualTo(Instant.parse("2026-12-07T14:10:19.675Z"));
    assertThat(hs.level()).isEqualTo("debug");
    assertThat(hs.source()).isEqualTo("com.corundumstudio.socketio.handler.AuthorizeHandler");
    assertThat(hs.node()).isEqualTo("node-b");
    assertThat(s.lines.get(3).sid()).contains("31a5d1cd-6a20-4e29-b96c-d41d23e07318");
    assertThat(s.lines.get(4).sid()).contains("a815af83-667b-4087-bec0-ca393e00573f");
    assertThat(s.lines.get(6).fact().text()).isEqualTo("/chat/?EIO=4&transport=polling");
    assertThat(s.lines.get(7).fact().text()).isEqualTo("ping timeout");
  }

  @Test
  void nettysSizeLimitsAsDefaultExceptionListenerLogsThem() {
    // sample-captures/payload-too-large--netty-websocket-frame: the message, then the stack trace
    // naming the exception (its own line is no second event); the aggregator's message is netty's
    // MessageAggregator text for a fragmented message above the same limit
    String text = """
        2026-12-08T01:47:06.701Z [nioEventLoopGroup-3-4] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - Max frame length of 65536 has been exceeded.
        io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: Max frame length of 65536 has been exceeded.
        	at io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder.protocolViolation(WebSocket08FrameDecoder.java:427)
        2026-12-08T01:47:07.000Z [nioEventLoopGroup-3-4] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - content length exceeded 65536 bytes.
        2026-12-08T01:47:08.000Z [nioEventLoopGroup-3-4] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - Connection reset
        """;
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.PAYLOAD_TOO_LARGE, LogEvent.OTHER, LogEvent.OTHER, LogEvent.PAYLOAD_TOO_LARGE, LogEvent.TRANSPORT_ERROR);
    assertThat(s.lines.get(0).fact().text()).isEqualTo("Max frame length of 65536");
    assertThat(s.lines.get(0).level()).isEqualTo("error");
    assertThat(s.lines.get(3).fact().text()).isEqualTo("content length exceeded 65536 bytes");
  }

  @Test
  void aWebSocketWhoseConnectionWasReset() {
    // sample-captures/network-interruption--netty-tcp-proxy-drop: the reset (JDK NIO's words), its
    // stack trace, then the same event-loop thread finds the session's WebSocket channel inactive;
    // a polling channel going inactive after a reset, or a WebSocket on another thread or much
    // later, is no failed transport; netty's epoll transport words the reset its own way
    String text = """
        2026-12-08T04:02:41.233Z [nioEventLoopGroup-3-4] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - Connection reset
        java.net.SocketException: Connection reset
        	at java.base/sun.nio.ch.SocketChannelImpl.throwConnectionReset(SocketChannelImpl.java:394)
        2026-12-08T04:02:41.235Z [nioEventLoopGroup-3-4] DEBUG com.corundumstudio.socketio.transport.WebSocketTransport - channel inactive ce756113-4684-4534-a427-4aea61bf6acf
        2026-12-08T04:02:42.000Z [nioEventLoopGroup-3-1] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - Connection reset
        2026-12-08T04:02:42.001Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.transport.PollingTransport - channel inactive d9f83a15-a833-41bf-9d44-b318e850768f
        2026-12-08T04:02:43.000Z [nioEventLoopGroup-3-2] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - recvAddress(..) failed: Connection reset by peer
        io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer
        2026-12-08T04:02:43.001Z [nioEventLoopGroup-3-3] DEBUG com.corundumstudio.socketio.transport.WebSocketTransport - channel inactive d9f83a15-a833-41bf-9d44-b318e850768f
        2026-12-08T04:02:44.000Z [nioEventLoopGroup-3-3] ERROR com.corundumstudio.socketio.listener.DefaultExceptionListener - Connection reset
        2026-12-08T04:02:46.000Z [nioEventLoopGroup-3-3] DEBUG com.corundumstudio.socketio.transport.WebSocketTransport - channel inactive 31a5d1cd-6a20-4e29-b96c-d41d23e07318
        """;
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.TRANSPORT_ERROR, LogEvent.OTHER, LogEvent.OTHER, LogEvent.CLOSED,
        LogEvent.TRANSPORT_ERROR, LogEvent.OTHER,
        LogEvent.TRANSPORT_ERROR, LogEvent.OTHER, LogEvent.OTHER,
        LogEvent.TRANSPORT_ERROR, LogEvent.OTHER);
    assertThat(s.lines.get(3).sid()).contains("ce756113-4684-4534-a427-4aea61bf6acf");
    assertThat(s.lines.get(3).fact().text()).isEqualTo("transport error");
    assertThat(s.lines.get(0).fact()).isInstanceOf(io.siodoctor.parsers.record.LogFact.Errno.class);
  }

  @Test
  void aDisconnectTheServerSendsAtTrace() {
    // sample-captures/server-forced-disconnect--netty-client-disconnect: the app's
    // client.disconnect() is the 41 sent while the WebSocket is open; the 41 WebSocketTransport
    // writes after the channel went inactive is sent to nobody
    String text = """
        2026-12-08T02:03:26.835Z [nioEventLoopGroup-3-1] TRACE com.corundumstudio.socketio.handler.EncoderHandler - Out message: 40{"sid":"a84b1e51-73d1-4320-aa8c-8ecdb1a0c440"} - sessionId: a84b1e51-73d1-4320-aa8c-8ecdb1a0c440
        2026-12-08T02:03:28.708Z [nioEventLoopGroup-3-4] TRACE com.corundumstudio.socketio.handler.EncoderHandler - Out message: 41 sessionId: a84b1e51-73d1-4320-aa8c-8ecdb1a0c440
        2026-12-08T02:03:28.716Z [nioEventLoopGroup-3-4] DEBUG com.corundumstudio.socketio.transport.WebSocketTransport - channel inactive a84b1e51-73d1-4320-aa8c-8ecdb1a0c440
        2026-12-08T02:03:28.717Z [nioEventLoopGroup-3-4] TRACE com.corundumstudio.socketio.handler.EncoderHandler - Out message: 41 sessionId: a84b1e51-73d1-4320-aa8c-8ecdb1a0c440
        2026-12-08T02:03:29.000Z [nioEventLoopGroup-3-2] TRACE com.corundumstudio.socketio.handler.EncoderHandler - Out message: 641/admin, - sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318
        2026-12-08T02:03:29.100Z [nioEventLoopGroup-3-2] TRACE com.corundumstudio.socketio.handler.EncoderHandler - Out message: 41/admin,{"x":1} sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318
        """;
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.OTHER, LogEvent.CLOSED, LogEvent.OTHER, LogEvent.OTHER, LogEvent.CLOSED, LogEvent.OTHER);
    assertThat(s.lines.get(1).sid()).contains("a84b1e51-73d1-4320-aa8c-8ecdb1a0c440");
    assertThat(s.lines.get(1).fact().text()).isEqualTo("server namespace disconnect");
    assertThat(s.lines.get(4).sid()).contains("31a5d1cd-6a20-4e29-b96c-d41d23e07318");
  }

  @Test
  void logbackAndSpringBootAbbreviatedLoggers() {
    String text = """
        2026-12-07 14:10:50.040 [nioEventLoopGroup-3-1] DEBUG c.c.socketio.transport.PollingTransport - a815af83-667b-4087-bec0-ca393e00573f is not registered. Closing connection
        2026-12-07T14:10:51.000Z DEBUG 4242 --- [nioEventLoopGroup-3-1] c.c.s.handler.AuthorizeHandler          : Handshake authorized for sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318, query params: {} headers: {}
        """;
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(LogEvent.UNKNOWN_SID, LogEvent.HANDSHAKE);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-12-07T14:10:50.040Z"));
    assertThat(Parse.sniff(parser, text)).isTrue();
  }

  @Test
  void sniffsOnlyNettySocketIo() {
    assertThat(Parse.sniff(parser, "2026-11-26 03:00:00,123 INFO  [main] c.e.App - started\n")).isFalse();
    assertThat(Parse.sniff(parser, "2026-12-07 14:07:01,130 ERROR engineio.server: Invalid session G9s3jCEvAz4w-uDVAAAB\n")).isFalse();
    assertThat(Parse.sniff(parser, "{\"msg\":\"com.corundumstudio.socketio\"}\n")).isFalse();
  }
}
