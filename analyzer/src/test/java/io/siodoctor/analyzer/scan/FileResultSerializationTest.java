package io.siodoctor.analyzer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@link FileResult} sent elsewhere (a cluster) merges into a summary exactly like the original. */
class FileResultSerializationTest {

  @Test
  void roundTripMergesLikeTheOriginal() throws Exception {
    CauseTally t = new CauseTally("proxy-idle-timeout", 2);
    t.addSessions(List.of("sid-a", "sid-b", "sid-c"));
    t.addEvidence(new Evidence(SourceLocation.line("node-a.log", 12), Instant.parse("2026-11-24T02:10:00Z"),
        "read timeout token=secret123", "after 60 s"));
    t.addEvidence(new Evidence(SourceLocation.line("node-a.log", 40), Instant.parse("2026-11-24T03:00:00Z"),
        "read timeout", null));
    t.addEvidence(new Evidence(SourceLocation.line("node-b.log", 7), null, "no time", null));
    Map<String, CauseTally> causes = new LinkedHashMap<>();
    causes.put(t.id(), t);
    FileResult r = new FileResult("night.tar.gz!node-a.log", "socketio-server", 1234, 99, causes, null);
    FileResult broken = new FileResult("broken.gz", null, 10, 0, Map.of(), "gzip: truncated");

    ScanSummary local = new ScanSummary(2);
    local.add(r);
    local.add(broken);
    ScanSummary remote = new ScanSummary(2);
    remote.add(roundTrip(r));
    remote.add(roundTrip(broken));

    assertThat(SummaryJson.summary(remote, null).toString()).isEqualTo(SummaryJson.summary(local, null).toString());
    CauseTally back = roundTrip(r).causes().get("proxy-idle-timeout");
    assertThat(back.sessions()).isEqualTo(3);
    assertThat(back.examples()).isEqualTo(t.examples());
    // the sid hashes travel: the same sids again add no sessions
    back.addSessions(List.of("sid-a", "sid-c"));
    assertThat(back.sessions()).isEqualTo(3);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
