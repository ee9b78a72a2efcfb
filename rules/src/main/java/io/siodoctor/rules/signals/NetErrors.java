package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one map from a browser's network error to where the request failed: Chromium's {@code
 * net::ERR_*} names ({@code _error} in a HAR, {@code _failureText} in Playwright's, the console),
 * Firefox's {@code NS_ERROR_*} / {@code SSL_ERROR_*} codes and Safari's (NSURLError) sentences.
 * Where it happened decides which causes can apply (the table "Where a browser error happened" in
 * causes.md): a request that failed inside the browser or on the user's own network never reached
 * the server, so it is never evidence about the server. Names from Chromium's net_error_list.h.
 */
public final class NetErrors {
  private NetErrors() {}

  /** Where along the way from the page to the server a request failed. */
  public enum Place {
    BROWSER("inside the browser (an extension, a policy or the page's own security rules)",
        "blocked-by-client, csp-blocked, mixed-content"),
    USER_NETWORK("on the user's own network (offline, network changed): the request never left the machine",
        "network-interruption"),
    USER_PROXY("at the user's proxy", "client-proxy-interference"),
    DNS("in DNS: the host name did not resolve", "wrong-server-url, server-unreachable"),
    TCP_CONNECT("connecting: nothing accepted the connection", "server-unreachable, wrong-server-url"),
    TLS("in the TLS handshake", "tls-error, client-proxy-interference, wrong-server-url"),
    AFTER_ANSWER("after the server answered (the browser refused the answer, or the connection broke mid-way)",
        "cors-missing-headers, server-overloaded, payload-too-large, proxy or CDN causes"),
    GAVE_UP("the page or the client gave up on it (navigation, a poll the client closed)", "none by itself"),
    UNKNOWN("somewhere the error text does not say", "");

    private final String description;
    private final String pointsTo;

    Place(String description, String pointsTo) {
      this.description = description;
      this.pointsTo = pointsTo;
    }

    /** Where, in words ("on the user's own network ..."). */
    public String description() {
      return description;
    }

    /** The causes this place can point to, as causes.md lists them. */
    public String pointsTo() {
      return pointsTo;
    }

    /** Failed before reaching any server: never evidence about the server (restarts, overload, ...). */
    public boolean clientSide() {
      return this == BROWSER || this == USER_NETWORK || this == USER_PROXY || this == GAVE_UP;
    }
  }

  private static final Map<String, Place> BY_CODE = Map.ofEntries(
      Map.entry("ERR_BLOCKED_BY_CLIENT", Place.BROWSER),
      Map.entry("ERR_BLOCKED_BY_ADMINISTRATOR", Place.BROWSER),
      Map.entry("ERR_BLOCKED_BY_CSP", Place.BROWSER),
      Map.entry("ERR_BLOCKED_BY_RESPONSE", Place.BROWSER),
      Map.entry("ERR_BLOCKED_BY_ORB", Place.BROWSER),
      Map.entry("ERR_CLEARTEXT_NOT_PERMITTED", Place.BROWSER),
      Map.entry("ERR_UNSAFE_PORT", Place.BROWSER),
      Map.entry("ERR_INTERNET_DISCONNECTED", Place.USER_NETWORK),
      Map.entry("ERR_NETWORK_CHANGED", Place.USER_NETWORK),
      Map.entry("ERR_ADDRESS_UNREACHABLE", Place.USER_NETWORK),
      Map.entry("ERR_NETWORK_IO_SUSPENDED", Place.USER_NETWORK),
      Map.entry("ERR_NETWORK_ACCESS_DENIED", Place.USER_NETWORK),
      Map.entry("NS_ERROR_OFFLINE", Place.USER_NETWORK),
      Map.entry("ERR_PROXY_CONNECTION_FAILED", Place.USER_PROXY),
      Map.entry("ERR_TUNNEL_CONNECTION_FAILED", Place.USER_PROXY),
      Map.entry("ERR_PROXY_AUTH_UNSUPPORTED", Place.USER_PROXY),
      Map.entry("ERR_PROXY_CERTIFICATE_INVALID", Place.USER_PROXY),
      Map.entry("ERR_MANDATORY_PROXY_CONFIGURATION_FAILED", Place.USER_PROXY),
      Map.entry("NS_ERROR_PROXY_CONNECTION_REFUSED", Place.USER_PROXY),
      Map.entry("ERR_NAME_NOT_RESOLVED", Place.DNS),
      Map.entry("ERR_NAME_RESOLUTION_FAILED", Place.DNS),
      Map.entry("NS_ERROR_UNKNOWN_HOST", Place.DNS),
      Map.entry("ERR_CONNECTION_REFUSED", Place.TCP_CONNECT),
      Map.entry("ERR_CONNECTION_TIMED_OUT", Place.TCP_CONNECT),
      Map.entry("ERR_TIMED_OUT", Place.TCP_CONNECT),
      Map.entry("ERR_CONNECTION_FAILED", Place.TCP_CONNECT),
      Map.entry("ERR_ADDRESS_INVALID", Place.TCP_CONNECT),
      Map.entry("NS_ERROR_CONNECTION_REFUSED", Place.TCP_CONNECT),
      Map.entry("NS_ERROR_NET_TIMEOUT", Place.TCP_CONNECT),
      Map.entry("ERR_FAILED", Place.AFTER_ANSWER),
      Map.entry("ERR_EMPTY_RESPONSE", Place.AFTER_ANSWER),
      Map.entry("ERR_CONNECTION_RESET", Place.AFTER_ANSWER),
      Map.entry("ERR_CONNECTION_CLOSED", Place.AFTER_ANSWER),
      Map.entry("ERR_CONNECTION_ABORTED", Place.AFTER_ANSWER),
      Map.entry("ERR_SOCKET_NOT_CONNECTED", Place.AFTER_ANSWER),
      Map.entry("ERR_INCOMPLETE_CHUNKED_ENCODING", Place.AFTER_ANSWER),
      Map.entry("ERR_HTTP2_PROTOCOL_ERROR", Place.AFTER_ANSWER),
      Map.entry("ERR_QUIC_PROTOCOL_ERROR", Place.AFTER_ANSWER),
      Map.entry("ERR_INVALID_HTTP_RESPONSE", Place.AFTER_ANSWER),
      Map.entry("ERR_RESPONSE_HEADERS_TOO_BIG", Place.AFTER_ANSWER),
      Map.entry("ERR_CONTENT_LENGTH_MISMATCH", Place.AFTER_ANSWER),
      Map.entry("NS_ERROR_NET_RESET", Place.AFTER_ANSWER),
      Map.entry("NS_ERROR_NET_INTERRUPT", Place.AFTER_ANSWER),
      Map.entry("NS_ERROR_NET_PARTIAL_TRANSFER", Place.AFTER_ANSWER),
      Map.entry("NS_ERROR_DOM_BAD_URI", Place.AFTER_ANSWER),
      Map.entry("ERR_ABORTED", Place.GAVE_UP),
      Map.entry("NS_BINDING_ABORTED", Place.GAVE_UP));

  /**
   * Safari's (NSURLError) and Firefox's sentences, lower case, to the place they name. Not Firefox's
   * WebSocket {@code can’t establish a connection to the server at wss://…}: it says that for any
   * failure before the socket opened, an untrusted certificate included
   * (sample-captures/tls-error--firefox-self-signed-websocket-only), so it names no place.
   */
  private static final Map<String, Place> BY_SENTENCE = Map.ofEntries(
      Map.entry("the internet connection appears to be offline", Place.USER_NETWORK),
      Map.entry("the network connection was lost", Place.AFTER_ANSWER),
      Map.entry("a server with the specified hostname could not be found", Place.DNS),
      Map.entry("could not connect to the server", Place.TCP_CONNECT),
      Map.entry("the request timed out", Place.TCP_CONNECT),
      Map.entry("an ssl error has occurred", Place.TLS),
      Map.entry("the certificate for this server is invalid", Place.TLS),
      Map.entry("is not allowed by access-control-allow-origin", Place.AFTER_ANSWER),
      Map.entry("cross-origin request blocked", Place.AFTER_ANSWER),
      Map.entry("blocked by cors policy", Place.AFTER_ANSWER),
      Map.entry("establishing a tunnel via proxy server failed", Place.USER_PROXY),
      Map.entry("mixed content", Place.BROWSER),
      Map.entry("mixed-content", Place.BROWSER),
      Map.entry("content security policy", Place.BROWSER),
      Map.entry("blocked:csp", Place.BROWSER),
      Map.entry("cancelled", Place.GAVE_UP));

  /** Chromium's "connection existed, then went away" codes. */
  private static final Set<String> DROPPED = Set.of(
      "ERR_CONNECTION_RESET",
      "ERR_CONNECTION_CLOSED",
      "ERR_CONNECTION_ABORTED",
      "ERR_NETWORK_CHANGED",
      "ERR_NETWORK_IO_SUSPENDED",
      "ERR_INTERNET_DISCONNECTED",
      "ERR_INCOMPLETE_CHUNKED_ENCODING",
      "ERR_EMPTY_RESPONSE",
      "NS_ERROR_NET_RESET",
      "NS_ERROR_NET_INTERRUPT");

  /**
   * The browser's network error a log line states (its {@link LogFact.NetworkError}: a console's
   * {@code net::ERR_*} or a WebSocket's failure text), or null: the same vocabulary as a HAR's
   * {@code _error}, classified here for both.
   */
  public static String of(LogLine line) {
    return line.fact() instanceof LogFact.NetworkError e ? e.text() : null;
  }

  /** The URL of the request whose failure a log line states (its {@link LogFact.NetworkError}), or null. */
  public static String urlOf(LogLine line) {
    return line.fact() instanceof LogFact.NetworkError e ? e.url() : null;
  }

  /** The net::ERR_* (or NS_ERROR_*, SSL_ERROR_*, SEC_ERROR_*) name inside an error text, or the text itself when it has none. */
  public static String code(String error) {
    if (error == null) {
      return "";
    }
    int i = error.indexOf("ERR_");
    int ns = error.indexOf("NS_");
    if (ns >= 0 && (i < 0 || ns < i) && error.startsWith("NS_", ns)) {
      i = ns;
    } else if (i >= 0) {
      // SSL_ERROR_*, SEC_ERROR_*: keep their prefix
      for (String prefix : new String[] {"SSL_", "SEC_"}) {
        if (i >= prefix.length() && error.startsWith(prefix, i - prefix.length())) {
          i -= prefix.length();
        }
      }
    }
    if (i < 0) {
      return error.trim();
    }
    int end = i;
    while (end < error.length() && (Character.isUpperCase(error.charAt(end))
        || Character.isDigit(error.charAt(end)) || error.charAt(end) == '_')) {
      end++;
    }
    return error.substring(i, end);
  }

  /** Where the request that failed with {@code error} failed; {@link Place#UNKNOWN} for empty or unknown text. */
  public static Place where(String error) {
    if (error == null || error.isBlank()) {
      return Place.UNKNOWN;
    }
    if (HttpExchange.NO_ANSWER_AFTER_TLS.equals(error)) {
      return Place.TLS;
    }
    String c = code(error);
    Place p = BY_CODE.get(c);
    if (p != null) {
      return p;
    }
    if (tlsCode(c)) {
      return Place.TLS;
    }
    if (c.startsWith("ERR_PROXY_")) {
      return Place.USER_PROXY;
    }
    if (c.startsWith("ERR_BLOCKED_BY_")) {
      return Place.BROWSER;
    }
    String lower = error.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Place> e : BY_SENTENCE.entrySet()) {
      if (lower.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return Place.UNKNOWN;
  }

  /**
   * The request failed, or is still pending, with no reason recorded: no error, or the HAR parser's
   * {@link HttpExchange#NO_ANSWER} for an exporter that writes none (Firefox). Whatever stopped it
   * (refused, an extension, the page's own CSP or mixed-content rules) is left to other evidence.
   */
  public static boolean noReason(String error) {
    return error == null || error.isEmpty() || HttpExchange.NO_ANSWER.equals(error);
  }

  /**
   * The request got no answer and Firefox, which writes no error code, recorded no reason: its HAR's
   * status 0 and time 0 ({@link HttpExchange#NO_ANSWER}) or its console's "CORS request did not
   * succeed" ({@link LogFact.NetworkError#NO_ANSWER}). Refused, not resolved, timed out, reset or a
   * block inside the browser all read so.
   */
  public static boolean noAnswerNoReason(String error) {
    return HttpExchange.NO_ANSWER.equals(error) || LogFact.NetworkError.NO_ANSWER.equals(error);
  }

  /** Nothing answered at the server's address: the name did not resolve or nothing accepted the connection. */
  public static boolean unreachable(String error) {
    Place p = where(error);
    return p == Place.DNS || p == Place.TCP_CONNECT;
  }

  /** The request failed before it reached any server: never evidence about the server. */
  public static boolean clientSide(String error) {
    return where(error).clientSide();
  }

  /** The connection existed and then went away. */
  public static boolean dropped(String error) {
    return DROPPED.contains(code(error)) || (error != null && error.toLowerCase(Locale.ROOT)
        .contains("the network connection was lost"));
  }

  /** Certificate and TLS handshake failures ({@code ERR_CERT_*}, {@code ERR_SSL_*}, ...). */
  public static boolean tls(String error) {
    return where(error) == Place.TLS || (error != null && error.contains("ERR_CERT"));
  }

  private static boolean tlsCode(String c) {
    return c.startsWith("ERR_CERT_") || c.startsWith("ERR_SSL_") || c.equals("ERR_BAD_SSL_CLIENT_AUTH_CERT")
        || c.startsWith("SEC_ERROR_") || c.startsWith("SSL_ERROR_") || c.startsWith("MOZILLA_PKIX_ERROR_");
  }

  /**
   * A proxy on the user's side failed or refused the request: Chromium's proxy and tunnel errors,
   * its TLS-interception block, and the WebSocket error text CDP reports for a refused tunnel
   * ("Establishing a tunnel via proxy server failed.").
   */
  public static boolean userProxy(String error) {
    if (error == null) {
      return false;
    }
    String c = code(error);
    return c.startsWith("ERR_PROXY_") || c.equals("ERR_TUNNEL_CONNECTION_FAILED")
        || c.equals("ERR_MANDATORY_PROXY_CONFIGURATION_FAILED") || c.equals("ERR_CERT_KNOWN_INTERCEPTION_BLOCKED")
        || c.equals("ERR_KNOWN_INTERCEPTION_BLOCKED") || c.equals("ERR_SOCKS_CONNECTION_FAILED")
        || error.contains("tunnel via proxy server");
  }

  /** Chrome's text for a request it blocked as mixed content ({@code (blocked:mixed-content)}). */
  public static boolean mixedContent(String error) {
    return error != null && (error.contains("mixed-content") || error.contains("Mixed Content"));
  }

  /**
   * The browser refused to send the request itself: an extension or content blocker ({@code
   * ERR_BLOCKED_BY_CLIENT}) or an enterprise URL policy ({@code ERR_BLOCKED_BY_ADMINISTRATOR}).
   */
  public static boolean blockedByClient(String error) {
    String c = code(error);
    return c.equals("ERR_BLOCKED_BY_CLIENT") || c.equals("ERR_BLOCKED_BY_ADMINISTRATOR");
  }

  /**
   * The page's Content-Security-Policy blocked the request: {@code ERR_BLOCKED_BY_CSP}, or
   * Playwright's {@code _failureText} {@code csp} (CDP's blocked reason), DevTools' status text
   * {@code (blocked:csp)}. Chrome's own HAR leaves
   * {@code _error} empty for these.
   */
  public static boolean blockedByCsp(String error) {
    return code(error).equals("ERR_BLOCKED_BY_CSP")
        || (error != null && (error.trim().equals("csp") || error.contains("(blocked:csp)")));
  }

  /**
   * Chrome's Local (formerly Private) Network Access checks refused a public page's request to a
   * loopback or private address ({@code ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS}, {@code
   * ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS}).
   */
  public static boolean localNetworkBlocked(String error) {
    String c = code(error);
    return c.startsWith("ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS")
        || c.startsWith("ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS");
  }

  /** The name did not resolve. */
  public static boolean notResolved(String error) {
    String c = code(error);
    return c.equals("ERR_NAME_NOT_RESOLVED") || c.equals("ERR_NAME_RESOLUTION_FAILED")
        || c.equals("NS_ERROR_UNKNOWN_HOST");
  }

  /**
   * Chrome's answer to a TLS handshake that got something other than TLS back, as when an
   * {@code https://} URL points at a plain-HTTP port ({@code ERR_SSL_PROTOCOL_ERROR}; Firefox
   * {@code SSL_ERROR_RX_RECORD_TOO_LONG}).
   */
  public static boolean notTls(String error) {
    String c = code(error);
    return c.equals("ERR_SSL_PROTOCOL_ERROR") || c.equals("SSL_ERROR_RX_RECORD_TOO_LONG")
        || (error != null && error.contains("SSL_ERROR_RX_RECORD_TOO_LONG"));
  }

  /** The generic failure Chrome reports for a request blocked by CORS. */
  public static boolean corsLike(String error) {
    String c = code(error);
    return c.equals("ERR_FAILED") || (error != null && error.toLowerCase(Locale.ROOT).contains("cors"));
  }
}
