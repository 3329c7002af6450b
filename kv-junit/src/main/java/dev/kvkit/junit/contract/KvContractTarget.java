package dev.kvkit.junit.contract;

import dev.kvkit.KvBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@link KvBindingContract} runs against: a binding to a fresh, empty namespace, the namespace's
 * notion of now, and, when the target has one, a clock the suite may move.
 *
 * <p>This is the one place where a target says what it cannot do. A target without a clock the suite
 * can move (Cloudflare itself) still runs every test: the tests about expiry then check the
 * expiration the service reports instead of watching the key disappear.
 *
 * <pre>{@code
 * TestClock clock = TestClock.create();
 * KvContractTarget.of(FakeKvNamespace.builder().clock(clock).build(), clock::instant)
 *         .withClock(clock::advance);
 * }</pre>
 *
 * <p>Immutable.
 *
 * @since 0.1.0
 */
public final class KvContractTarget implements AutoCloseable {

    private final KvBinding binding;
    private final Supplier<Instant> now;
    private final Consumer<Duration> advance;
    private final Runnable onClose;

    private KvContractTarget(KvBinding binding, Supplier<Instant> now, Consumer<Duration> advance, Runnable onClose) {
        this.binding = binding;
        this.now = now;
        this.advance = advance;
        this.onClose = onClose;
    }

    /**
     * A target whose time the suite cannot move.
     *
     * @param binding a binding to a fresh, empty namespace
     * @param now the namespace's current instant (the service's clock)
     * @return the target
     */
    public static KvContractTarget of(KvBinding binding, Supplier<Instant> now) {
        return new KvContractTarget(
                Objects.requireNonNull(binding, "binding"), Objects.requireNonNull(now, "now"), null, () -> {});
    }

    /**
     * Returns this target with a clock the suite moves forward to watch keys expire.
     *
     * @param advance moves the namespace's clock forward by the given duration
     * @return a new target
     */
    public KvContractTarget withClock(Consumer<Duration> advance) {
        return new KvContractTarget(binding, now, Objects.requireNonNull(advance, "advance"), onClose);
    }

    /**
     * Returns this target with something to run after each test, such as deleting a throwaway
     * namespace.
     *
     * @param onClose what to run
     * @return a new target
     */
    public KvContractTarget onClose(Runnable onClose) {
        return new KvContractTarget(binding, now, advance, Objects.requireNonNull(onClose, "onClose"));
    }

    /**
     * Returns the binding under test.
     *
     * @return the binding
     */
    public KvBinding binding() {
        return binding;
    }

    /**
     * Returns the namespace's current instant.
     *
     * @return now, as the namespace sees it
     */
    public Instant now() {
        return now.get();
    }

    /**
     * Returns the clock the suite may move, when the target has one.
     *
     * @return the clock's advance, or empty when time is the real service's
     */
    public Optional<Consumer<Duration>> clock() {
        return Optional.ofNullable(advance);
    }

    /** Runs what {@link #onClose(Runnable)} was given. */
    @Override
    public void close() {
        onClose.run();
    }
}
