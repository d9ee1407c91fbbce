package org.privacyplatform.portal.console;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line difference between two texts (longest common subsequence), as the notice preview shows it. */
final class LineDiff {

    /** One line: kept, added or removed. */
    public record Line(String kind, String text) {

        public boolean isAdded() {
            return "added".equals(kind);
        }

        public boolean isRemoved() {
            return "removed".equals(kind);
        }
    }

    /** Texts longer than this many lines are compared as a whole (the notice text is at most 20,000 characters). */
    private static final int MAX_LINES = 2000;

    private LineDiff() {
    }

    static List<Line> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return List.of(new Line("removed", before == null ? "" : before), new Line("added", after == null ? "" : after));
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line("same", a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line("removed", a[i++]));
            } else {
                lines.add(new Line("added", b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line("removed", a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line("added", b[j++]));
        }
        return lines;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
    }
}
