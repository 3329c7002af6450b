package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kvkit.KvListKey;
import dev.kvkit.KvListPage;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of the default location, checked by Lincheck: random concurrent scenarios of
 * single-key reads and writes on three keys, run on real threads (stress) and under Lincheck's model
 * checker (which explores thread switches inside the fake and the JDK's concurrent maps), and every
 * outcome must be one that some sequential order of the same calls gives. The sequential
 * specification is the fake itself, run on one thread.
 *
 * <p>The checker can fail: a claim made of a read and a write is rejected. And it shows where the
 * fake is not atomic, which is why {@link FakeKvNamespace}'s Javadoc claims linearizability for
 * single-key calls only: a bulk read, a {@code list} page, {@code size()}, {@code entries()},
 * {@code reset()} and {@code importBulk} each let a concurrent writer show through half-way; so
 * does a write with a TTL when the clock moves during it. A test below pins each with a fixed
 * scenario, in which the model checker finds an outcome no sequential order gives; if one of them
 * fails, that call has become atomic and the Javadoc can say so.
 *
 * <p>Model checking runs without metadata: serialising it makes Jackson's caches part of every
 * explored interleaving, and slows the exploration tenfold. Value and metadata coming from one write
 * is checked by the stress run.
 */
class DefaultLocationLinearizabilityTest {

    /** Scenarios of two threads with three calls each, after up to three calls on one thread. */
    private static StressOptions stress() {
        return new StressOptions()
                .iterations(6)
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(3)
                .actorsAfter(2);
    }

    /**
     * Model checking, with Jackson's methods run without thread switches inside them: they work on
     * the calling thread's values and the fake's results do not depend on how their caches fill.
     */
    private static ModelCheckingOptions modelChecking(int iterations) {
        return new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(100)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .addGuarantee(ManagedStrategyGuaranteeKt.forClasses((kotlin.jvm.functions.Function1<String, Boolean>)
                                name -> name.startsWith("com.fasterxml.jackson."))
                        .allMethods()
                        .ignore());
    }

    private static String key(int index) {
        return "k" + index;
    }

    /** Calls that the fake claims are linearizable: single-key reads and writes. */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    @Param(name = "value", gen = IntGen.class, conf = "1:3")
    public static class SingleKeyCalls {

        static {
            // Jackson fills its serializer caches on first use; do it before the checker watches.
            FakeKvNamespace warm = FakeKvNamespace.create();
            warm.put("w", "v", PutOptions.defaults().withMetadata("m"));
            warm.getWithMetadata("w");
        }

        final FakeKvNamespace kv = FakeKvNamespace.create();

        /** Whether puts carry metadata (named after the value, so both must come from one write). */
        boolean withMetadata() {
            return true;
        }

        @Operation
        public void put(@Param(name = "key") int key, @Param(name = "value") int value) {
            if (withMetadata()) {
                kv.put(key(key), "v" + value, PutOptions.defaults().withMetadata("m" + value));
            } else {
                kv.put(key(key), "v" + value);
            }
        }

        @Operation
        public String get(@Param(name = "key") int key) {
            return kv.get(key(key));
        }

        @Operation
        public String getWithMetadata(@Param(name = "key") int key) {
            return describe(kv.getWithMetadata(key(key)));
        }

        @Operation
        public void delete(@Param(name = "key") int key) {
            kv.delete(key(key));
        }

        private static String describe(KvValueWithMetadata<String> found) {
            return found.value() + "/"
                    + (found.metadata() == null ? null : found.metadata().textValue());
        }
    }

    /** The same calls without metadata, for the model checker. */
    public static class SingleKeyCallsWithoutMetadata extends SingleKeyCalls {

        @Override
        boolean withMetadata() {
            return false;
        }
    }

    @Test
    void singleKeyCallsAreLinearizableOnRealThreads() {
        stress().check(SingleKeyCalls.class);
    }

    @Test
    void singleKeyCallsAreLinearizableInEveryInterleavingTheModelCheckerTries() {
        modelChecking(3).check(SingleKeyCallsWithoutMetadata.class);
    }

    // ------------------------------------------------------------------ the checker can fail

    /**
     * A claim made of a read and a write, the compare-and-set that Workers KV does not have: two
     * threads can both find the key free and both think they hold it.
     */
    public static class ClaimByReadThenWrite {

        final FakeKvNamespace kv = FakeKvNamespace.create();

        @Operation
        public boolean claim() {
            if (kv.get("lock") != null) {
                return false;
            }
            kv.put("lock", "held");
            return true;
        }
    }

    @Test
    void theCheckerRejectsAClaimMadeOfAReadAndAWrite() {
        assertNotLinearizable(
                ClaimByReadThenWrite.class, List.of(), List.of(call("claim")), List.of(call("claim")), List.of());
    }

    // ------------------------------------------------------------------ what is not atomic

    /**
     * A write with a TTL against a clock move: the write reads its instant when it starts and lands
     * later, so it can land already expired by a clock that moved meanwhile.
     */
    public static class TtlWriteAgainstClockMove {

        final TestClock clock = TestClock.create();
        final FakeKvNamespace kv = FakeKvNamespace.builder().clock(clock).build();

        @Operation
        public void put() {
            kv.put("k", "old");
        }

        @Operation
        public void putWithTtl() {
            kv.put("k", "new", PutOptions.defaults().withExpirationTtl(60));
        }

        @Operation
        public void advance() {
            clock.advance(Duration.ofSeconds(61));
        }

        @Operation
        public String get() {
            return kv.get("k");
        }
    }

    @Test
    void aTtlWriteIsNotAtomicAgainstAConcurrentClockMove() {
        // After the move, "old" and then nothing: the TTL write landed after the first read, yet
        // expired as if written before the move. In no sequential order does that happen.
        assertNotLinearizable(
                TtlWriteAgainstClockMove.class,
                List.of(call("put")),
                List.of(call("putWithTtl")),
                List.of(call("advance"), call("get"), call("get")),
                List.of());
    }

    /** A bulk read against writes: it reads its keys one after the other. */
    @Param(name = "key", gen = IntGen.class, conf = "1:2")
    public static class BulkReadAgainstWrites {

        final FakeKvNamespace kv = FakeKvNamespace.create();

        @Operation
        public void put(@Param(name = "key") int key) {
            kv.put(key(key), "v");
        }

        @Operation
        public String bulkGet() {
            return kv.get(List.of(key(1), key(2))).toString();
        }
    }

    @Test
    void aBulkReadIsNotAtomicAgainstConcurrentWrites() {
        // k1 is written before k2, so a read that has k2 and not k1 saw half of the writer's work.
        assertNotLinearizable(
                BulkReadAgainstWrites.class,
                List.of(),
                List.of(call("bulkGet")),
                List.of(call("put", 1), call("put", 2)),
                List.of());
    }

    /** A list page against writes: a walk of the skip list sees a concurrent writer half-way. */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    public static class ListAgainstWrites {

        final FakeKvNamespace kv = FakeKvNamespace.create();

        @Operation
        public void put(@Param(name = "key") int key) {
            kv.put(key(key), "v");
        }

        @Operation
        public void delete(@Param(name = "key") int key) {
            kv.delete(key(key));
        }

        @Operation
        public String list() {
            KvListPage page = kv.list(ListOptions.defaults().withLimit(2));
            return page.keys().stream().map(KvListKey::name).collect(Collectors.joining(","))
                    + (page.listComplete() ? "" : ",...");
        }
    }

    @Test
    void aListPageIsNotAtomicAgainstConcurrentWrites() {
        // k2 and k3 stored; a page of two while k1 comes and k3 goes can hold k2 alone.
        assertNotLinearizable(
                ListAgainstWrites.class,
                List.of(call("put", 2), call("put", 3)),
                List.of(call("list")),
                List.of(call("put", 1), call("delete", 3)),
                List.of());
    }

    /** {@code size()} against writes. */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    public static class SizeAgainstWrites {

        final FakeKvNamespace kv = FakeKvNamespace.create();

        @Operation
        public void put(@Param(name = "key") int key) {
            kv.put(key(key), "v");
        }

        @Operation
        public void delete(@Param(name = "key") int key) {
            kv.delete(key(key));
        }

        @Operation
        public int size() {
            return kv.size();
        }
    }

    @Test
    void sizeIsNotAtomicAgainstConcurrentWrites() {
        // 2 keys, then 3, then 2 again: a size of 1 is seen by no sequential order.
        assertNotLinearizable(
                SizeAgainstWrites.class,
                List.of(call("put", 2), call("put", 3)),
                List.of(call("size")),
                List.of(call("put", 1), call("delete", 3)),
                List.of());
    }

    /** {@code entries()} against writes. */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    public static class EntriesAgainstWrites {

        final FakeKvNamespace kv = FakeKvNamespace.create();

        @Operation
        public void put(@Param(name = "key") int key) {
            kv.put(key(key), "v");
        }

        @Operation
        public void delete(@Param(name = "key") int key) {
            kv.delete(key(key));
        }

        @Operation
        public String entries() {
            return String.valueOf(kv.entries().keySet());
        }
    }

    @Test
    void entriesIsNotAtomicAgainstConcurrentWrites() {
        assertNotLinearizable(
                EntriesAgainstWrites.class,
                List.of(call("put", 2), call("put", 3)),
                List.of(call("entries")),
                List.of(call("put", 1), call("delete", 3)),
                List.of());
    }

    /**
     * {@code reset()} against reads: it empties the store, then each location's cache, in separate
     * steps.
     */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    public static class ResetAgainstReads {

        final FakeKvNamespace kv = FakeKvNamespace.create();
        final FakeKvLocation sydney = kv.location("syd");

        @Operation
        public void put(@Param(name = "key") int key) {
            kv.put(key(key), "v");
        }

        @Operation
        public String get(@Param(name = "key") int key) {
            return kv.get(key(key));
        }

        @Operation
        public String getInSydney(@Param(name = "key") int key) {
            return sydney.get(key(key));
        }

        @Operation
        public void reset() {
            kv.reset();
        }
    }

    @Test
    void resetIsNotAtomicAgainstConcurrentReads() {
        // Sydney has cached k1. A reader that finds k1 gone from the namespace and then still cached
        // in Sydney saw half a reset: after a whole one, Sydney has forgotten it.
        assertNotLinearizable(
                ResetAgainstReads.class,
                List.of(call("put", 1), call("getInSydney", 1)),
                List.of(call("reset")),
                List.of(call("get", 1), call("getInSydney", 1)),
                List.of());
    }

    /** {@code importBulk} against reads: it stores item by item. */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    public static class ImportAgainstReads {

        static {
            FakeKvNamespace.create().importBulk("[{\"key\":\"w\",\"value\":\"v\"}]");
        }

        final FakeKvNamespace kv = FakeKvNamespace.create();

        @Operation
        public String get(@Param(name = "key") int key) {
            return kv.get(key(key));
        }

        @Operation
        public void delete(@Param(name = "key") int key) {
            kv.delete(key(key));
        }

        @Operation
        public int importBulk() {
            return kv.importBulk("[{\"key\":\"k1\",\"value\":\"i\"},{\"key\":\"k2\",\"value\":\"i\"},"
                    + "{\"key\":\"k3\",\"value\":\"i\"}]");
        }
    }

    @Test
    void importBulkIsNotAtomicAgainstConcurrentReads() {
        // A reader that sees k1 imported and then k3 not yet.
        assertNotLinearizable(
                ImportAgainstReads.class,
                List.of(),
                List.of(call("importBulk")),
                List.of(call("get", 1), call("get", 3)),
                List.of());
    }

    /** One call of a scenario: the operation's name and its arguments. */
    private record Call(String name, List<Object> arguments) {}

    private static Call call(String name, Object... arguments) {
        return new Call(name, List.of(arguments));
    }

    /**
     * Asserts the model checker finds, in the given scenario (calls before, two threads, calls
     * after), an outcome that no sequential order of the calls gives. A fixed scenario makes the
     * search short and its result the same on every run.
     */
    private static void assertNotLinearizable(
            Class<?> calls, List<Call> before, List<Call> first, List<Call> second, List<Call> after) {
        ExecutionScenario scenario = new ExecutionScenario(
                actors(calls, before),
                List.of(actors(calls, first), actors(calls, second)),
                actors(calls, after),
                null);
        Throwable failure = catchThrowable(() -> new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(1_000)
                .addCustomScenario(scenario)
                .minimizeFailedScenario(false)
                .check(calls));
        assertThat(failure)
                .as("what the model checker reports on %s", calls.getSimpleName())
                .isInstanceOf(LincheckAssertionError.class)
                .hasMessageContaining("Invalid execution results");
    }

    private static List<Actor> actors(Class<?> calls, List<Call> list) {
        return list.stream().map(call -> actor(calls, call)).toList();
    }

    private static Actor actor(Class<?> calls, Call call) {
        for (Method method : calls.getMethods()) {
            if (method.getName().equals(call.name())
                    && method.getParameterCount() == call.arguments().size()) {
                return new Actor(method, call.arguments());
            }
        }
        throw new IllegalArgumentException("No operation " + call + " in " + calls);
    }
}
