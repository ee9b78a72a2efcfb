package io.siodoctor.analyzer.traffic;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Incident;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which server answered each browser request, when the logs say so: the proxy's access log names the
 * upstream of the same request line (method, path and query: Engine.IO's {@code t=} cache buster
 * makes polling requests unique), and the node log that issued a handshake's sid names that upstream.
 * The fact that decides a sticky-session problem, shown per request.
 */
final class NodeAttribution {
  private final Map<String, Deque<String>> upstreamByRequestLine = new HashMap<>();
  private final Map<String, String> nodeBySid = new HashMap<>();
  private final Map<String, String> nodeByUpstream = new HashMap<>();

  NodeAttribution(Incident incident) {
    for (LogLine l : incident.logLines()) {
      if (l.access() != null && l.access().upstream() != null && !l.access().upstream().isEmpty()) {
        upstreamByRequestLine.computeIfAbsent(l.access().method() + " " + l.access().url(), k -> new ArrayDeque<>())
            .add(l.access().upstream());
      } else if (l.node() != null && l.sessionId() != null && (l.is(LogEvent.HANDSHAKE) || l.is(LogEvent.OPEN_SENT))) {
        nodeBySid.putIfAbsent(l.sessionId(), l.node());
      }
    }
    // a handshake answered by upstream U whose sid node N issued: U is N
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.handshake() != null && x.handshake().sid() != null) {
        String node = nodeBySid.get(x.handshake().sid());
        Deque<String> ups = upstreamByRequestLine.get(requestLine(x));
        if (node != null && ups != null && !ups.isEmpty()) {
          nodeByUpstream.putIfAbsent(ups.peekFirst(), node);
        }
      }
    }
  }

  /** The node (or upstream address) that answered {@code x}, or "" when no log says. */
  String answered(HttpExchange x) {
    Deque<String> ups = upstreamByRequestLine.get(requestLine(x));
    if (ups == null || ups.isEmpty()) {
      return "";
    }
    String upstream = ups.size() > 1 ? ups.pollFirst() : ups.peekFirst();
    return nodeByUpstream.getOrDefault(upstream, upstream);
  }

  /** The upstream's node name when known, else the address itself. */
  String nodeOf(String upstream) {
    return upstream == null ? "" : nodeByUpstream.getOrDefault(upstream, upstream);
  }

  static String requestLine(HttpExchange x) {
    return x.method() + " " + pathAndQuery(x.url());
  }

  /** The request target of a URL: path and query, as a proxy logs it. */
  static String pathAndQuery(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int slash = url.indexOf('/', scheme + 3);
    String target = slash < 0 ? "/" : url.substring(slash);
    int hash = target.indexOf('#');
    return hash < 0 ? target : target.substring(0, hash);
  }

  static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
