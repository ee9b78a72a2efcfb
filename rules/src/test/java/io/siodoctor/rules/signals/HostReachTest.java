package io.siodoctor.rules.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostReachTest {

  @ParameterizedTest
  @CsvSource({
    "http://localhost:3000/socket.io/,        LOOPBACK",
    "http://app.localhost/,                   LOOPBACK",
    "http://127.0.0.1:3000/,                  LOOPBACK",
    "http://127.8.9.10/,                      LOOPBACK",
    "http://0.0.0.0:3000/,                    LOOPBACK",
    "ws://[::1]:3000/,                        LOOPBACK",
    "http://10.0.3.7:8080/,                   PRIVATE_ADDRESS",
    "http://172.16.0.1/,                      PRIVATE_ADDRESS",
    "http://172.31.255.255/,                  PRIVATE_ADDRESS",
    "http://192.168.1.20:3000/,               PRIVATE_ADDRESS",
    "http://169.254.169.254/,                 PRIVATE_ADDRESS",
    "http://100.101.102.103/,                 PRIVATE_ADDRESS",
    "http://[fd12:3456::1]/,                  PRIVATE_ADDRESS",
    "http://[fe80::1]/,                       PRIVATE_ADDRESS",
    "http://[::ffff:192.168.0.1]/,            PRIVATE_ADDRESS",
    "http://backend:3000/,                    LOCAL_NAME",
    "http://api.internal/,                    LOCAL_NAME",
    "http://printer.local/,                   LOCAL_NAME",
    "http://nas.home.arpa/,                   LOCAL_NAME",
    "http://chat_backend_1:3000/socket.io/,   LOCAL_NAME",
    "http://user:pw@backend:3000/,            LOCAL_NAME",
    "https://chat.example.com/,               PUBLIC",
    "https://CHAT.Example.COM./,              PUBLIC",
    "http://172.32.0.1/,                      PUBLIC",
    "http://172.15.0.1/,                      PUBLIC",
    "http://11.0.0.1/,                        PUBLIC",
    "http://192.169.0.1/,                     PUBLIC",
    "http://1.2.3.4.5/,                       PUBLIC",
    "http://[2001:db8::1]/,                   PUBLIC",
  })
  void classifiesHostsByForm(String url, HostReach expected) {
    assertThat(HostReach.ofUrl(url)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"not a url", "/socket.io/?EIO=4", "mailto:someone@example.com"})
  void noHostNoAnswer(String url) {
    assertThat(HostReach.ofUrl(url)).isEmpty();
  }
}
