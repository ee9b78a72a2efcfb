package io.siodoctor.rules.connect;

import io.siodoctor.parsers.logs.LogUrls;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.HostReach;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Origins;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The client is built to connect somewhere the user's browser cannot reach by design, judged from
 * the URL and the page alone:
 *
 * <ul>
 *   <li>a page on a public host whose Socket.IO URL is loopback ({@code localhost}, 127.0.0.0/8,
 *       {@code ::1}), a private address (10/8, 172.16/12, 192.168/16, link-local, 100.64/10, fc00::/7)
 *       or a name only a local network resolves (a single label such as a Docker service name,
 *       {@code .local}, {@code .internal}), failing as refused, timed out, unreachable, not
 *       resolved or refused by Chrome's local-network-access checks;
 *   <li>such a local-only name that did not resolve, whatever the page;
 *   <li>an {@code https://} / {@code wss://} URL on an explicit port other than 443 that fails the
 *       TLS handshake with {@code ERR_SSL_PROTOCOL_ERROR}: a plain-HTTP port answered the TLS hello;
 *   <li>the page's own public host on a development port (3000, 8080, ...) that refuses, while the
 *       page came from the default port (weaker: the server might just be down).
 * </ul>
 */
@Cause(
    id = "wrong-server-url",
    title = "The client connects to a URL the browser cannot reach",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/client-initialization/",
    subsumes = {"server-unreachable", "tls-error", "websocket-only-no-fallback", "reconnect-storm",
        "network-interruption"})
@Reads(
    records = {HttpExchange.class, LogLine.class},
    events = {LogEvent.NETWORK_ERROR, LogEvent.WEBSOCKET_FAILED})
public final class WrongServerUrlRule implements Rule {

  /** Ports development servers default to (create-react-app, Vite, Angular, Django, ...). */
  private static final Set<Integer> DEV_PORTS =
      Set.of(3000, 3001, 4000, 4200, 5000, 5173, 8000, 8080, 8081, 8888, 9000);

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList strong = new EvidenceList();
    EvidenceList unexplained = new EvidenceList();
    EvidenceList weak = new EvidenceList();
    Set<String> urls = new LinkedHashSet<>();
    String requestsPage = null;
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (!x.failed()) {
        continue;
      }
      Optional<String> page = Origins.pageOrigin(incident, x);
      if (requestsPage == null) {
        requestsPage = page.orElse(null);
      }
      String why = judge(x.url(), x.error(), page.orElse(null), false);
      if (why != null) {
        strong.add(x, why);
        Origins.of(x.url()).ifPresent(urls::add);
      } else if ((why = unexplained(x.url(), x.error(), page.orElse(null))) != null) {
        unexplained.add(x, why);
        Origins.of(x.url()).ifPresent(urls::add);
      } else {
        why = judge(x.url(), x.error(), page.orElse(null), true);
        if (why != null) {
          weak.add(x, why);
          Origins.of(x.url()).ifPresent(urls::add);
        }
      }
    }
    // the page: its document where the exporter types entries, else what the requests name (Firefox
    // writes no resource types; its requests carry Referer or Origin)
    String firstPage = incident.exchanges().stream()
        .filter(e -> "document".equals(e.resourceType()) && e.status() >= 200 && e.status() < 400)
        .findFirst().flatMap(e -> Origins.of(e.url())).orElse(requestsPage);
    // "GET <url> net::ERR_…", and "WebSocket connection to '<url>' failed: … net::ERR_…"
    List<LogLine> lines = new ArrayList<>(incident.logLines(LogEvent.NETWORK_ERROR));
    lines.addAll(incident.logLines(LogEvent.WEBSOCKET_FAILED));
    for (LogLine l : lines) {
      String url = NetErrors.urlOf(l);
      if (url == null || LogUrls.query(url) == null) {
        continue;
      }
      String why = judge(url, NetErrors.of(l), firstPage, false);
      if (why != null) {
        strong.add(l, why);
        Origins.of(url).ifPresent(urls::add);
      } else if ((why = unexplained(url, NetErrors.of(l), firstPage)) != null) {
        unexplained.add(l, why);
        Origins.of(url).ifPresent(urls::add);
      }
    }
    EvidenceList evidence = !strong.isEmpty() ? strong : !unexplained.isEmpty() ? unexplained : weak;
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(evidence.finding(!strong.isEmpty() ? 0.9 : !unexplained.isEmpty() ? 0.85 : 0.6)
        .withDetail("the client connects to " + String.join(", ", urls)
            + ", which the browser cannot reach" + (firstPage == null ? "" : " from " + firstPage)));
  }

  /**
   * Why a failed request's URL cannot work from this page, or null when the URL is not to blame.
   *
   * @param devPort judge the weak development-port case instead of the strong ones
   */
  private static String judge(String url, String error, String pageOrigin, boolean devPort) {
    Optional<HostReach> target = HostReach.ofUrl(url);
    if (target.isEmpty() || error == null) {
      return null;
    }
    boolean pagePublic = publicPage(pageOrigin);
    if (devPort) {
      return pagePublic && target.get().reachableFromAnywhere() && onDevPortOfPageHost(url, pageOrigin)
          && (NetErrors.code(error).equals("ERR_CONNECTION_REFUSED")
              || NetErrors.code(error).equals("ERR_CONNECTION_TIMED_OUT"))
          ? "a development port on the page's host, while the page came from the default port"
          : null;
    }
    // no route to a private or loopback address from the user's machine (ERR_ADDRESS_UNREACHABLE,
    // which the place map files under the user's own network) is the same wrong URL
    boolean unreachable = NetErrors.unreachable(error) || NetErrors.localNetworkBlocked(error)
        || NetErrors.code(error).equals("ERR_ADDRESS_UNREACHABLE");
    if (!target.get().reachableFromAnywhere() && unreachable && pagePublic) {
      return "the socket URL's host is " + target.get().description() + "; the page is public";
    }
    if (target.get() == HostReach.LOCAL_NAME && NetErrors.notResolved(error)) {
      return "the socket URL's host is " + target.get().description();
    }
    if (NetErrors.notTls(error) && secureOnOwnPort(url)) {
      return "https on a port that answered in plain HTTP";
    }
    return null;
  }

  /**
   * A page on a public host whose Socket.IO URL only a developer's machine or a private network can
   * reach, failing where the browser recorded no reason (Firefox: {@link NetErrors#noAnswerNoReason}):
   * whatever stopped the request (refused, not resolved, a block), that URL cannot work for the
   * page's users. Null when that is not so.
   */
  private static String unexplained(String url, String error, String pageOrigin) {
    Optional<HostReach> target = HostReach.ofUrl(url);
    boolean pagePublic = publicPage(pageOrigin);
    return target.isPresent() && !target.get().reachableFromAnywhere() && pagePublic
        && NetErrors.noAnswerNoReason(error)
        ? "the socket URL's host is " + target.get().description() + "; the page is public (the browser recorded"
            + " no reason: whatever stopped it, that host is not the users')"
        : null;
  }

  /** The page came from a host anyone can reach. */
  private static boolean publicPage(String pageOrigin) {
    return pageOrigin != null && HostReach.ofUrl(pageOrigin).map(HostReach::reachableFromAnywhere).orElse(false);
  }

  /** An https:// or wss:// URL with an explicit port other than 443. */
  private static boolean secureOnOwnPort(String url) {
    try {
      URI u = URI.create(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("wss")) && u.getPort() > 0 && u.getPort() != 443;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean onDevPortOfPageHost(String url, String pageOrigin) {
    try {
      URI u = URI.create(url.trim());
      URI p = URI.create(pageOrigin);
      return u.getHost() != null && u.getHost().equalsIgnoreCase(p.getHost())
          && p.getPort() == -1 && DEV_PORTS.contains(u.getPort());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
