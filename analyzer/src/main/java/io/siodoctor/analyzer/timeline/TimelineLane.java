package io.siodoctor.analyzer.timeline;

import java.util.List;

/**
 * One row of the timeline: one Engine.IO session, or the attempts that never got a session.
 *
 * @param label the sid, or a description such as "no session"
 * @param dropped marks left out to keep the page small
 */
public record TimelineLane(String label, List<TimelineMark> marks, int dropped) {

  public TimelineLane {
    marks = List.copyOf(marks);
  }
}
