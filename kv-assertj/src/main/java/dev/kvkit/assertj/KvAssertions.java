package dev.kvkit.assertj;

import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import dev.kvkit.server.KvApiServer;

/**
 * The entry point of kvkit's assertions. Import it statically next to AssertJ's {@code
 * Assertions}: the overloads do not clash, since each takes a kvkit type.
 *
 * <pre>{@code
 * import static dev.kvkit.assertj.KvAssertions.assertThat;
 *
 * assertThat(kv).containsKey("user:42").entry("user:42").hasMetadataValue("/owner", "ada");
 * assertThat(kv).after(Duration.ofMinutes(30)).doesNotContainKey("session:1");
 * assertThat(kv.list()).isComplete().containsExactlyNames("session:1", "user:42");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class KvAssertions {

    private KvAssertions() {}

    /**
     * Starts assertions on a fake namespace as it is now, by its clock.
     *
     * <pre>{@code
     * assertThat(kv).containsExactlyKeys("user:1", "user:2");
     * }</pre>
     *
     * @param actual the namespace
     * @return the assert
     */
    public static FakeKvNamespaceAssert assertThat(FakeKvNamespace actual) {
        return new FakeKvNamespaceAssert(actual);
    }

    /**
     * Starts assertions on a fake namespace as it will be at an instant; the same as {@code
     * assertThat(namespace).at(instant)}.
     *
     * <pre>{@code
     * assertThat(new KvNamespaceAt(kv, tomorrow)).isEmpty();
     * }</pre>
     *
     * @param actual the namespace and the instant
     * @return the assert
     */
    public static KvNamespaceAtAssert assertThat(KvNamespaceAt actual) {
        return new KvNamespaceAtAssert(actual);
    }

    /**
     * Starts assertions on a namespace as one location sees it: what reads there return now, and
     * when the location will see a key's current value. Neither the clock nor the location's cache
     * is touched.
     *
     * <pre>{@code
     * assertThat(kv.location("syd")).hasText("config", "v1").willSeeCurrentValueWithin("config", Duration.ofMinutes(1));
     * }</pre>
     *
     * @param actual the location
     * @return the assert
     */
    public static FakeKvLocationAssert assertThat(FakeKvLocation actual) {
        return new FakeKvLocationAssert(actual);
    }

    /**
     * Starts assertions on any binding, through its own reads ({@code get} and {@code list}) only.
     *
     * <pre>{@code
     * assertThat(restBinding).containsKey("user:42");
     * }</pre>
     *
     * @param actual the binding
     * @return the assert
     */
    public static KvBindingAssert assertThat(KvBinding actual) {
        return new KvBindingAssert(actual);
    }

    /**
     * Creates an assert over a REST API emulator: its journal, its warnings, its namespaces.
     *
     * <pre>{@code
     * assertThat(server).hasNoWarnings().namespace("TODO").containsKey("to-do:1");
     * }</pre>
     *
     * @param actual the server
     * @return the assert
     * @since 0.1.0
     */
    public static KvApiServerAssert assertThat(KvApiServer actual) {
        return new KvApiServerAssert(actual);
    }

    /**
     * Starts assertions on one entry of a fake namespace.
     *
     * <pre>{@code
     * assertThat(kv.entry("user:42").orElseThrow()).hasText("Ada");
     * }</pre>
     *
     * @param actual the entry
     * @return the assert
     */
    public static KvEntryAssert assertThat(KvEntry actual) {
        return new KvEntryAssert(actual);
    }

    /**
     * Starts assertions on one page of a list.
     *
     * <pre>{@code
     * assertThat(kv.list()).isComplete().containsExactlyNames("user:42");
     * }</pre>
     *
     * @param actual the page
     * @return the assert
     */
    public static KvListPageAssert assertThat(KvListPage actual) {
        return new KvListPageAssert(actual);
    }

    /**
     * Starts assertions on the result of {@code getWithMetadata}.
     *
     * <pre>{@code
     * assertThat(kv.getWithMetadata("user:42")).hasValue("Ada").hasNoMetadata();
     * }</pre>
     *
     * @param actual the result
     * @param <T> the value's Java type
     * @return the assert
     */
    public static <T> KvValueWithMetadataAssert<T> assertThat(KvValueWithMetadata<T> actual) {
        return new KvValueWithMetadataAssert<>(actual);
    }
}
