package dev.kvkit.assertj;

import java.util.Comparator;
import java.util.List;

/**
 * Picks the held key names a missing key was most likely meant to be: a missing key is usually a
 * typo, a wrong separator or a wrong prefix, so edit distance ranks first and a longer shared prefix
 * breaks ties.
 */
final class NearestKeys {

    static final int CANDIDATES = 3;

    private NearestKeys() {}

    static List<String> to(String missing, List<String> held) {
        Comparator<String> nearestFirst = Comparator.<String>comparingInt(name -> editDistance(missing, name))
                .thenComparing(name -> -commonPrefixLength(missing, name))
                .thenComparing(Comparator.naturalOrder());
        return held.stream().sorted(nearestFirst).limit(CANDIDATES).toList();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static int commonPrefixLength(String a, String b) {
        int length = 0;
        while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }
}
