package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HaproxyLogParserTest {

  private final HaproxyLogParser parser = new HaproxyLogParser();

  @Test
  void syslogPrefixedHttpLogLine() {
    // the example of HAProxy's configuration.txt §8.2.3, with a Socket.IO request
    String line =
        "Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} \"GET /socket.io/?EIO=4&transport=polling&t=N8hyd6w&sid=lv_VI97HAXpY6yYWAAAC HTTP/1.1\"\n";
    LogLine l = Parse.text(parser, "haproxy.log", line).lines.get(0);
    assertThat(l.event()).isEqualTo(LogEvent.HTTP_ACCESS);
    assertThat(l.node()).isEqualTo("localhost");
    assertThat(l.sid()).contains("lv_VI97HAXpY6yYWAAAC");
    // the request date plus Tt: when the request ended
    assertThat(l.time()).isEqualTo(Instant.parse("2009-02-06T12:14:14.764Z"));
    HttpAccess a = l.access();
    assertThat(a.clientIp()).isEqualTo("10.0.1.2");
    assertThat(a.method()).isEqualTo("GET");
    assertThat(a.url()).isEqualTo("/socket.io/?EIO=4&transport=polling&t=N8hyd6w&sid=lv_VI97HAXpY6yYWAAAC");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.bytes()).isEqualTo(2750);
    assertThat(a.durationMs()).isEqualTo(109.0);
    assertThat(a.upstream()).isEqualTo("static/srv1");
    assertThat(a.terminationState()).isEqualTo("----");
    assertThat(a.engineIo().isPolling()).isTrue();
  }

  @Test
  void terminationStatesOfWebSocketTunnels() {
    String text =
        "10.0.0.5:51022 [26/Nov/2026:03:00:00.000] fe_sio be_sio/node1 0/0/1/2/60003 101 225 - - cD-- 3/3/2/1/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA HTTP/1.1\"\n"
            + "10.0.0.5:51023 [26/Nov/2026:03:00:01.000] fe_sio be_sio/node2 0/0/1/2/5000 101 225 - - sD-- 3/3/2/1/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket&sid=BBBBBBBBBBBBBBBBBBBB HTTP/1.1\"\n"
            + "10.0.0.5:51024 [26/Nov/2026:03:00:02.000] fe_sio be_sio/node2 0/0/1/2/+5000 101 +225 - - CD-- 3/3/2/1/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket&sid=CCCCCCCCCCCCCCCCCCCC HTTP/1.1\"\n"
            + "10.0.0.5:51025 [26/Nov/2026:03:00:03.000] fe_sio be_sio/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 3/3/0/0/0 0/0 \"GET /socket.io/?EIO=4&transport=polling HTTP/1.1\"\n"
            + "10.0.0.5:51026 [26/Nov/2026:03:00:04.000] fe_sio be_sio/node1 0/0/0/-1/30001 -1 0 - - SD-- 3/3/0/0/0 0/0 \"POST /socket.io/?EIO=4&transport=polling&sid=DDDDDDDDDDDDDDDDDDDD HTTP/1.1\"\n";
    CollectingSink s = Parse.text(parser, "haproxy.log", text);
    assertThat(s.lines)
        .extracting(l -> l.access().terminationState())
        .containsExactly("cD--", "sD--", "CD--", "SC--", "SD--");
    assertThat(s.lines.get(0).access().durationMs()).isEqualTo(60003.0);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T03:01:00.003Z"));
    assertThat(s.lines.get(2).access().bytes()).isEqualTo(225);
    assertThat(s.lines.get(3).access().upstream()).isEqualTo("be_sio/<NOSRV>");
    assertThat(s.lines.get(3).access().status()).isEqualTo(503);
    assertThat(s.lines.get(4).access().status()).isEqualTo(-1);
    assertThat(s.lines.get(4).sid()).contains("DDDDDDDDDDDDDDDDDDDD");
    // only the tunnels HAProxy closed for a timeout in the data phase are its idle cuts
    assertThat(s.lines)
        .extracting(LogLine::event)
        .containsExactly(LogEvent.PROXY_UPGRADED_TIMEOUT, LogEvent.PROXY_UPGRADED_TIMEOUT,
            LogEvent.HTTP_ACCESS, LogEvent.HTTP_ACCESS, LogEvent.HTTP_ACCESS);
    assertThat(s.lines.get(0).fact().text()).isEqualTo("cD--");
    assertThat(s.lines.get(1).access().upstream()).isEqualTo("be_sio/node2");
  }

  @Test
  void tunnelTimeoutOfAnIdleWebSocketAsHaproxy26LogsIt() {
    // sample-captures/proxy-idle-timeout--haproxy-tunnel-timeout/haproxy.log lines 7 and 26 (timeout
    // tunnel 5s): the tunnel cut after 5.2 s of silence, and one the browser closed (normal end)
    String text =
        "127.0.0.1:60586 [07/Dec/2026:23:20:31.678] fe_sio be_sio/app 0/0/0/89/5224 101 140 - - cD-- 3/3/0/0/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket&sid=47LSrH5xwdvN3RXvAAAA HTTP/1.1\"\n"
            + "127.0.0.1:57880 [07/Dec/2026:23:20:57.583] fe_sio be_sio/app 0/0/0/9/924 101 144 - - ---- 1/1/0/0/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket&sid=-eRNcugkQs0mRYyGAAAE HTTP/1.1\"\n"
            // a data-phase timeout of a request that was never upgraded is no tunnel cut
            + "127.0.0.1:47550 [07/Dec/2026:23:20:31.679] fe_sio be_sio/app 0/0/0/91/30091 200 192 - - sD-- 3/3/1/1/0 0/0 \"GET /socket.io/?EIO=4&transport=polling&t=w8hx6wkj&sid=47LSrH5xwdvN3RXvAAAA HTTP/1.1\"\n";
    CollectingSink s = Parse.text(parser, "haproxy.log", text);
    LogLine cut = s.lines.get(0);
    assertThat(cut.event()).isEqualTo(LogEvent.PROXY_UPGRADED_TIMEOUT);
    assertThat(cut.sid()).contains("47LSrH5xwdvN3RXvAAAA");
    assertThat(cut.access().durationMs()).isEqualTo(5224.0);
    // logged when the tunnel closed: the request date plus Ta
    assertThat(cut.time()).isEqualTo(Instant.parse("2026-12-07T23:20:36.902Z"));
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.HTTP_ACCESS);
    assertThat(s.lines.get(1).fact().text()).isNull();
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.HTTP_ACCESS);
  }

  @Test
  void queueTimeoutIsTheProxysOwnRefusalNotADownServer() {
    // sample-captures/server-overloaded--haproxy-queue-timeout/haproxy.log: `maxconn 3` on the server,
    // `timeout queue 2s`; the queued poll expired (sQ) with <NOSRV> as its server, like the down
    // backend's SC line after it, which HAProxy answers at once
    String text =
        "127.0.0.1:41558 [08/Dec/2026:03:59:36.213] fe_web be_sio/<NOSRV> 0/2002/-1/-1/2002 503 217 - - sQ-- 5/5/3/0/0 0/1 \"GET /socket.io/?EIO=4&transport=polling&t=67e36y8m&sid=ykmQPuX2kfJf3xRwAAAC HTTP/1.1\"\n"
            + "127.0.0.1:50130 [08/Dec/2026:02:45:21.804] fe_web be_sio/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 2/2/0/0/0 0/0 \"GET /socket.io/?EIO=4&transport=polling&t=3jx1afcg HTTP/1.1\"\n"
            // a connect timeout (sC) is the server not answering, not a queue
            + "10.0.0.5:51027 [26/Nov/2026:03:00:05.000] fe_sio be_sio/node1 0/0/-1/-1/5001 503 217 - - sC-- 3/3/1/0/3 0/0 \"GET /socket.io/?EIO=4&transport=polling HTTP/1.1\"\n";
    CollectingSink s = Parse.text(parser, "haproxy.log", text);
    LogLine queued = s.lines.get(0);
    assertThat(queued.event()).isEqualTo(LogEvent.PROXY_LIMIT_REFUSED);
    assertThat(queued.fact().text()).isEqualTo("sQ--");
    assertThat(queued.sid()).contains("ykmQPuX2kfJf3xRwAAAC");
    assertThat(queued.access().status()).isEqualTo(503);
    assertThat(queued.access().upstream()).isEqualTo("be_sio/<NOSRV>");
    assertThat(queued.time()).isEqualTo(Instant.parse("2026-12-08T03:59:38.215Z"));
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.HTTP_ACCESS);
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.HTTP_ACCESS);
  }

  @Test
  void capturedHeadersWithSpacesAndTcpLines() {
    String text =
        "nirvai_core_proxy     | 172.19.0.2:37374 [30/Dec/2022:00:40:45.764] edge-load-balancer~ ui/ui1 0/0/0/2/+2 200 +338 - - ---- 2/1/1/1/0 0/0 {|dev.nirv.ai:8080||Mozilla/5.0 (X11} {} \"GET /join HTTP/1.1\"\n"
            + "172.19.0.1:59928 [30/Dec/2022:00:40:45.761] edge forward_https/serverhttps 2/0/+1 +0 -- 2/1/1/1/0 0/0\n"
            + "not a haproxy line\n";
    CollectingSink s = Parse.text(parser, "haproxy.log", text);
    assertThat(s.lines).hasSize(3);
    assertThat(s.lines.get(0).access().url()).isEqualTo("/join");
    assertThat(s.lines.get(0).access().clientIp()).isEqualTo("172.19.0.2");
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.OTHER);
    assertThat(s.lines.get(1).time()).isNotNull();
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.OTHER);
  }
}
