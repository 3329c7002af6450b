package dev.kvkit.fake;

import java.util.ArrayList;

/**
 * The latest instants a namespace's clock reached before each time it went back, as its {@link
 * Timeline} keeps them, so that "the latest instant since mark m" can be answered for any earlier
 * mark: a key written at mark m is expired for good once that instant reaches its expiration,
 * however the clock moved in between.
 *
 * <p>Only the suffix maxima are kept (a stack of peaks that decrease from bottom to top), so memory
 * grows only with back moves that were not overtaken later, and a query is a binary search. Not
 * thread-safe; callers synchronise.
 */
final class PeakHistory {

    /** Back moves so far; a write records this count as its mark. */
    private long backMoves;

    private final ArrayList<long[]> peaks = new ArrayList<>(); // {index of the back move, peak millis}

    long mark() {
        return backMoves;
    }

    /** Records that the clock went back from {@code peakMillis}. */
    void wentBackFrom(long peakMillis) {
        while (!peaks.isEmpty() && peaks.get(peaks.size() - 1)[1] <= peakMillis) {
            peaks.remove(peaks.size() - 1);
        }
        peaks.add(new long[] {backMoves, peakMillis});
        backMoves++;
    }

    /** Returns the latest instant reached after {@code mark}, at least {@code nowMillis}. */
    long latestSince(long mark, long nowMillis) {
        int low = 0;
        int high = peaks.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (peaks.get(middle)[0] < mark) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < peaks.size() ? Math.max(nowMillis, peaks.get(low)[1]) : nowMillis;
    }
}
