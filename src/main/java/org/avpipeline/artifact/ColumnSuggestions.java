package org.avpipeline.artifact;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Close matches for a column name nobody has: same letters in another case, a part of it, or a few typos away. */
public final class ColumnSuggestions {
    private ColumnSuggestions() {}

    private static final int MAX = 5;

    /** Up to five names from {@code names} that {@code wanted} probably meant, best first. */
    public static List<String> closeTo(String wanted, List<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, w.length() / 4);
        return names.stream()
                .filter(n -> {
                    String l = n.toLowerCase(Locale.ROOT);
                    return distance(w, l) <= tolerance || (w.length() >= 3 && l.contains(w));
                })
                .sorted(Comparator.comparingInt((String n) -> distance(w, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
