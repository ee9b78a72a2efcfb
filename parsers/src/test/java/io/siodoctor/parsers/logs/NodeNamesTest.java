package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeNamesTest {

  @ParameterizedTest
  @CsvSource({
    "node-b.log.gz, node-b",
    "/var/log/app/node-a.log, node-a",
    "C:\\logs\\server.log.1, server",
    "logs/web-1.out.2.gz, web-1",
    "access.log, access",
    "api.example.com.log, api.example.com",
    "server, server",
    "2026-11-24/night.tar.gz!logs/node-b.log, node-b",
    "night.zip!node-c.log.gz, node-c",
  })
  void stripsDirectoriesAndExtensions(String file, String node) {
    assertThat(NodeNames.fromFile(file)).isEqualTo(node);
  }
}
