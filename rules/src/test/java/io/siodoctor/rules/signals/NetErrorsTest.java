package io.siodoctor.rules.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.signals.NetErrors.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one map from a browser's error text to where the request failed (causes.md, "Where a browser error happened"). */
class NetErrorsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "net::ERR_BLOCKED_BY_CLIENT | BROWSER",
      "net::ERR_BLOCKED_BY_CSP | BROWSER",
      "net::ERR_CLEARTEXT_NOT_PERMITTED | BROWSER",
      "(blocked:mixed-content) | BROWSER",
      "net::ERR_INTERNET_DISCONNECTED | USER_NETWORK",
      "net::ERR_NETWORK_CHANGED | USER_NETWORK",
      "NS_ERROR_OFFLINE | USER_NETWORK",
      "The Internet connection appears to be offline. | USER_NETWORK",
      "net::ERR_TUNNEL_CONNECTION_FAILED | USER_PROXY",
      "Establishing a tunnel via proxy server failed. | USER_PROXY",
      "net::ERR_PROXY_CONNECTION_FAILED | USER_PROXY",
      "net::ERR_NAME_NOT_RESOLVED | DNS",
      "NS_ERROR_UNKNOWN_HOST | DNS",
      "A server with the specified hostname could not be found. | DNS",
      "net::ERR_CONNECTION_REFUSED | TCP_CONNECT",
      "NS_ERROR_CONNECTION_REFUSED | TCP_CONNECT",
      "Could not connect to the server. | TCP_CONNECT",
      "net::ERR_CERT_AUTHORITY_INVALID | TLS",
      "SEC_ERROR_UNKNOWN_ISSUER | TLS",
      "SSL_ERROR_RX_RECORD_TOO_LONG | TLS",
      "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT | TLS",
      "CORS request did not succeed | UNKNOWN",
      "can't establish a connection | UNKNOWN",
      "Firefox can’t establish a connection to the server at wss://127.0.0.1:38495/socket.io/?EIO=4&transport=websocket. | UNKNOWN",
      "net::ERR_FAILED | AFTER_ANSWER",
      "net::ERR_EMPTY_RESPONSE | AFTER_ANSWER",
      "net::ERR_CONNECTION_RESET | AFTER_ANSWER",
      "net::ERR_ABORTED | GAVE_UP",
      "NS_BINDING_ABORTED | GAVE_UP",
      "something else entirely | UNKNOWN"})
  void eachErrorSaysWhereItHappened(String error, Place place) {
    assertThat(NetErrors.where(error)).isEqualTo(place);
  }

  @Test
  void aFirefoxRequestWhoseTimingsEndInTheTlsHandshakeFailedInTls() {
    assertThat(NetErrors.where(HttpExchange.NO_ANSWER_AFTER_TLS)).isEqualTo(Place.TLS);
    assertThat(NetErrors.tls(HttpExchange.NO_ANSWER_AFTER_TLS)).isTrue();
    assertThat(NetErrors.unreachable(HttpExchange.NO_ANSWER_AFTER_TLS)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"net::ERR_INTERNET_DISCONNECTED", "net::ERR_BLOCKED_BY_CLIENT", "net::ERR_PROXY_CONNECTION_FAILED",
      "net::ERR_ABORTED"})
  void clientSideFailuresAreNeverAnUnreachableServer(String error) {
    assertThat(NetErrors.clientSide(error)).isTrue();
    assertThat(NetErrors.unreachable(error)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"net::ERR_CONNECTION_REFUSED", "net::ERR_NAME_NOT_RESOLVED", "net::ERR_CONNECTION_TIMED_OUT"})
  void refusedAndUnresolvedAreUnreachable(String error) {
    assertThat(NetErrors.unreachable(error)).isTrue();
    assertThat(NetErrors.clientSide(error)).isFalse();
  }
}
