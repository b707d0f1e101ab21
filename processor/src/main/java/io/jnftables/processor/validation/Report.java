package io.jnftables.processor.validation;

import java.util.ArrayList;
import java.util.List;

/** What validation found, in the order it found it. Clean means: no errors (warnings allowed). */
public final class Report {
  private final List<Finding> findings;

  private Report(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  public static Report of(List<Finding> findings) {
    return new Report(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  public boolean isClean() {
    return findings.stream().noneMatch(Finding::isError);
  }

  public Report plus(Report other) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(other.findings);
    return new Report(all);
  }

  @Override
  public String toString() {
    return "Report" + findings;
  }
}
