package io.siodoctor.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadSetTest {
  private static final ReadSet CLOSES = ReadSet.of(List.of(LogLine.class), List.of(LogEvent.CLOSED));
  private static final ReadSet EXCHANGES = ReadSet.of(List.of(HttpExchange.class), List.of());

  @Test
  void aUnionReadsWhatEitherReads() {
    ReadSet both = CLOSES.union(EXCHANGES);
    assertThat(both.covers(CLOSES)).isTrue();
    assertThat(both.covers(EXCHANGES)).isTrue();
    assertThat(CLOSES.covers(both)).isFalse();
    assertThat(both.reads(WsFrame.class)).isFalse();
    assertThat(both.reads(LogEvent.CLOSED)).isTrue();
    assertThat(both.reads(LogEvent.HANDSHAKE)).isFalse();
    assertThat(both).isEqualTo(EXCHANGES.union(CLOSES)).hasSameHashCodeAs(EXCHANGES.union(CLOSES));
  }

  @Test
  void unrecognisedLinesAndOtherBodiesAreReadOnlyWhenDeclared() {
    assertThat(CLOSES.union(EXCHANGES).readsUnrecognisedLines()).isFalse();
    assertThat(CLOSES.union(EXCHANGES).readsOtherBodies()).isFalse();
    assertThat(ReadSet.of(List.of(LogLine.class), List.of(LogEvent.OTHER)).readsUnrecognisedLines()).isTrue();
    assertThat(EXCHANGES.withOtherBodies().readsOtherBodies()).isTrue();
    assertThat(EXCHANGES.covers(EXCHANGES.withOtherBodies())).isFalse();
    assertThat(ReadSet.EVERYTHING.readsUnrecognisedLines()).isTrue();
    assertThat(ReadSet.EVERYTHING.readsOtherBodies()).isTrue();
    assertThat(ReadSet.NOTHING.readsUnrecognisedLines()).isFalse();
  }

  @Test
  void everyRecordIsEveryKindAndEveryEvent() {
    ReadSet records = ReadSet.of(List.of(HttpExchange.class, WsFrame.class, LogLine.class),
        List.of(LogEvent.values()));
    assertThat(records.readsEveryRecord()).isTrue();
    assertThat(records.readsOtherBodies()).isFalse();
    assertThat(ReadSet.EVERYTHING.covers(records)).isTrue();
    assertThat(CLOSES.union(EXCHANGES).readsEveryRecord()).isFalse();
  }

  @Test
  void eventsNeedLogLines() {
    assertThatThrownBy(() -> ReadSet.of(List.of(HttpExchange.class), List.of(LogEvent.CLOSED)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReadSet.of(List.of(LogLine.class), List.of()).withOtherBodies())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
