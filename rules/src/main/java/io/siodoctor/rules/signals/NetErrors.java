package io.siodoctor.rules.signals;

import java.util.Set;

/**
 * Chromium's network error names ({@code _error} in a HAR, {@code net::ERR_*} in the console),
 * grouped by what they say about the path to the server. Names from Chromium's net_error_list.h.
 */
public final class NetErrors {
  private NetErrors() {}

  /** Nothing answered: refused, unresolvable, unroutable, timed out, or offline. */
  private static final Set<String> UNREACHABLE = Set.of(
      "ERR_CONNECTION_REFUSED",
      "ERR_NAME_NOT_RESOLVED",
      "ERR_NAME_RESOLUTION_FAILED",
      "ERR_CONNECTION_TIMED_OUT",
      "ERR_TIMED_OUT",
      "ERR_ADDRESS_UNREACHABLE",
      "ERR_ADDRESS_INVALID",
      "ERR_INTERNET_DISCONNECTED",
      "ERR_CONNECTION_FAILED",
      "ERR_PROXY_CONNECTION_FAILED",
      "ERR_TUNNEL_CONNECTION_FAILED",
      "ERR_NETWORK_ACCESS_DENIED",
      "ERR_EMPTY_RESPONSE",
      "NS_ERROR_CONNECTION_REFUSED",
      "NS_ERROR_UNKNOWN_HOST",
      "NS_ERROR_NET_TIMEOUT");

  /** The connection existed and then went away. */
  private static final Set<String> DROPPED = Set.of(
      "ERR_CONNECTION_RESET",
      "ERR_CONNECTION_CLOSED",
      "ERR_CONNECTION_ABORTED",
      "ERR_NETWORK_CHANGED",
      "ERR_NETWORK_IO_SUSPENDED",
      "ERR_INTERNET_DISCONNECTED",
      "ERR_INCOMPLETE_CHUNKED_ENCODING",
      "ERR_EMPTY_RESPONSE");

  /** The net::ERR_* name inside an error text, or the text itself when it has none. */
  public static String code(String error) {
    if (error == null) {
      return "";
    }
    int i = error.indexOf("ERR_");
    if (i < 0) {
      i = error.indexOf("NS_ERROR_");
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

  public static boolean unreachable(String error) {
    return UNREACHABLE.contains(code(error));
  }

  public static boolean dropped(String error) {
    return DROPPED.contains(code(error));
  }

  /** Certificate and TLS handshake failures ({@code ERR_CERT_*}, {@code ERR_SSL_*}, ...). */
  public static boolean tls(String error) {
    String c = code(error);
    return c.startsWith("ERR_CERT_") || c.startsWith("ERR_SSL_") || c.equals("ERR_BAD_SSL_CLIENT_AUTH_CERT")
        || c.startsWith("SEC_ERROR_") || c.startsWith("SSL_ERROR_")
        || (error != null && error.contains("ERR_CERT"));
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

  /** The generic failure Chrome reports for a request blocked by CORS. */
  public static boolean corsLike(String error) {
    String c = code(error);
    return c.equals("ERR_FAILED") || (error != null && error.toLowerCase().contains("cors"));
  }
}
