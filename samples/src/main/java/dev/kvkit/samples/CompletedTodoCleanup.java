package dev.kvkit.samples;

import dev.kvkit.KvBinding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A scheduled job (a Cron Trigger, in Workers terms) that deletes to-dos completed longer ago than
 * a retention period. It reads completion times from the list pages' metadata, so it reads no
 * values, and pages through all of {@code to-do:} with {@link PrefixListing}.
 *
 * <pre>{@code
 * int deleted = new CompletedTodoCleanup(env.TODO, clock, Duration.ofDays(30)).run();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CompletedTodoCleanup {

    private final KvBinding kv;
    private final Clock clock;
    private final Duration keepDone;

    /**
     * Creates the job.
     *
     * @param kv the to-do namespace
     * @param clock the clock that says what "long ago" means
     * @param keepDone how long a completed to-do is kept, not negative
     * @throws IllegalArgumentException when {@code keepDone} is negative
     */
    public CompletedTodoCleanup(KvBinding kv, Clock clock, Duration keepDone) {
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keepDone, "keepDone");
        if (keepDone.isNegative()) {
            throw new IllegalArgumentException("keepDone must not be negative, but was: " + keepDone);
        }
        this.keepDone = keepDone;
    }

    /**
     * Deletes every to-do completed at least the retention period ago.
     *
     * @return how many to-dos were deleted
     */
    public int run() {
        Instant doneBefore = clock.instant().minus(keepDone);
        int[] deleted = {0};
        PrefixListing.forEachKey(kv, TodoStore.PREFIX, key -> {
            Instant doneAt = TodoStore.doneAt(key.name(), key.metadata());
            if (doneAt != null && !doneAt.isAfter(doneBefore)) {
                kv.delete(key.name());
                deleted[0]++;
            }
        });
        return deleted[0];
    }
}
