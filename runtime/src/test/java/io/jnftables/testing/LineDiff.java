package io.jnftables.testing;

/** The first lines where two listings differ, with their numbers: enough to see what went wrong. */
public final class LineDiff {
  private LineDiff() {}

  public static String of(String left, String right, String leftLabel, String rightLabel) {
    String[] e = left.split("\n", -1);
    String[] a = right.split("\n", -1);
    int width = Math.max(leftLabel.length(), rightLabel.length()) + 1;
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < Math.max(e.length, a.length) && shown < 8; i++) {
      String x = i < e.length ? e[i] : "<none>";
      String y = i < a.length ? a[i] : "<none>";
      if (!x.equals(y)) {
        sb.append("  line ").append(i + 1)
            .append("\n    ").append(pad(leftLabel + ":", width)).append(' ').append(x)
            .append("\n    ").append(pad(rightLabel + ":", width)).append(' ').append(y).append('\n');
        shown++;
      }
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
