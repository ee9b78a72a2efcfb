package io.siodoctor.rules.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.connect.StickySessionMissingRule;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

/**
 * What a server log alone proves of a session: lines the server writes about a session whatever the
 * client does (as it answers the handshake) are no proof that the client came back.
 */
class HealthProofTest {
  private static String verdictOf(String file, String log) {
    return VerdictJudge.judge(RuleTester.of(new StickySessionMissingRule()).addLog(file, log).incident(), false)
        .verdict();
  }

  /** A Node server's answer to a handshake whose answer the browser refused (CORS): nothing followed. */
  private static final String NODE_HANDSHAKE = """
      2026-11-26T03:34:51.448Z engine handling "GET" http request "/socket.io/?EIO=4&transport=polling&t=abc"
      2026-11-26T03:34:51.467Z engine handshaking client "kfFxxTq1OwoqaO3GAAAA"
      2026-11-26T03:34:51.468Z engine:socket sending packet "open" ({"sid":"kfFxxTq1OwoqaO3GAAAA","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})
      2026-11-26T03:34:51.488Z socket.io:server incoming connection with id kfFxxTq1OwoqaO3GAAAA
      """;

  @Test
  void nodesIncomingConnectionLineIsWrittenAsTheHandshakeIsAnsweredAndProvesNothing() {
    assertThat(verdictOf("server.log", NODE_HANDSHAKE)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void anApplicationLineNamingTheSessionAfterTheHandshakeIsTheClientComingBack() {
    assertThat(verdictOf("server.log", NODE_HANDSHAKE + """
        2026-11-26T03:34:51.520Z app connect Z2z-JBYZ7RlA7qCxAAAA engine sid kfFxxTq1OwoqaO3GAAAA transport polling
        """)).isEqualTo(Verdict.HEALTHY);
  }

  /**
   * netty-socketio calls the application's connect listener as it answers the handshake (1.7 and
   * 2.0 alike), and writes {@code channel inactive} as the handshake's own channel closes.
   */
  private static final String NETTY_HANDSHAKE = """
      2026-12-07T14:08:55.245Z [nioEventLoopGroup-3-2] DEBUG com.corundumstudio.socketio.handler.AuthorizeHandler - Handshake authorized for sessionId: 9309a429-2297-436c-81f4-777242e09349, query params: {EIO=[4], transport=[polling], t=[cj4gzjgc]} headers: {}
      2026-12-07T14:08:55.278Z [nioEventLoopGroup-3-2] DEBUG com.corundumstudio.socketio.handler.ClientHead - binding channel: [id: 0xb3d7f92f, L:/127.0.0.1:38837 - R:/127.0.0.1:47850] to transport: POLLING
      2026-12-07T14:08:55.657Z [nioEventLoopGroup-3-2] INFO app - [server] connect 9309a429-2297-436c-81f4-777242e09349
      2026-12-07T14:08:55.659Z [nioEventLoopGroup-3-2] DEBUG com.corundumstudio.socketio.transport.PollingTransport - channel inactive 9309a429-2297-436c-81f4-777242e09349
      """;

  @Test
  void nettysConnectListenerLineBeforeTheHandshakesChannelClosedProvesNothing() {
    assertThat(verdictOf("server.log", NETTY_HANDSHAKE)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void aNettyLineNamingTheSessionAfterTheHandshakesChannelClosedIsTheClientComingBack() {
    assertThat(verdictOf("server.log", NETTY_HANDSHAKE + """
        2026-12-07T14:08:56.102Z [nioEventLoopGroup-3-3] INFO app - [server] chat from 9309a429-2297-436c-81f4-777242e09349: hello
        """)).isEqualTo(Verdict.HEALTHY);
  }
}
