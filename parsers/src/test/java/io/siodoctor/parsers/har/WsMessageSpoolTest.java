package io.siodoctor.parsers.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsMessageSpoolTest {

  @Test
  void spillsBeyondItsBudgetAndReplaysInOrder() throws Exception {
    List<RawWsMessage> replayed = new ArrayList<>();
    List<RawWsMessage> added = new ArrayList<>();
    try (WsMessageSpool spool = new WsMessageSpool(500)) {
      for (int i = 0; i < 50; i++) {
        RawWsMessage m = new RawWsMessage(i, i % 2 == 0 ? "send" : "receive", 1.7e9 + i / 10.0, 1,
            "42[\"tick\"," + i + ",\"€\uD83D\uDE00\"]", 20);
        added.add(m);
        spool.add(m);
      }
      spool.replay(replayed::add);
    }
    assertThat(replayed).isEqualTo(added);
  }

  @Test
  void emptySpool() throws Exception {
    try (WsMessageSpool spool = new WsMessageSpool()) {
      assertThat(spool.isEmpty()).isTrue();
      spool.replay(m -> {
        throw new AssertionError("nothing to replay");
      });
    }
  }
}
