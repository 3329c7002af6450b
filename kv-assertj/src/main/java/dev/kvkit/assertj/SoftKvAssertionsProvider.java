package dev.kvkit.assertj;

import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import dev.kvkit.server.KvApiServer;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * kvkit's assertions, collected instead of thrown: every {@code assertThat} of {@link
 * KvAssertions}, as soft assertions. Implement it next to AssertJ's {@code
 * StandardSoftAssertionsProvider} to collect kvkit and AssertJ failures in one object.
 *
 * <pre>{@code
 * class Softly extends SoftKvAssertions implements StandardSoftAssertionsProvider {}
 *
 * Softly softly = new Softly();
 * softly.assertThat(kv).containsKey("user:42");
 * softly.assertThat(service.count()).isEqualTo(1);
 * softly.assertAll();
 * }</pre>
 *
 * <p>Moving on ({@code entry(key)}, {@code at(instant)}, {@code after(duration)}) stays soft. When
 * {@code entry(key)} finds no entry, the missing key is collected and every assertion after it on
 * that entry adds {@code Expecting actual not to be null}.
 *
 * @since 0.1.0
 */
public interface SoftKvAssertionsProvider extends SoftAssertionsProvider {

    /**
     * Starts soft assertions on a fake namespace as it is now.
     *
     * <pre>{@code
     * softly.assertThat(kv).containsKey("user:42");
     * }</pre>
     *
     * @param actual the namespace
     * @return the soft assert
     */
    default FakeKvNamespaceAssert assertThat(FakeKvNamespace actual) {
        return SoftNavigation.attach(this, proxy(FakeKvNamespaceAssert.class, FakeKvNamespace.class, actual));
    }

    /**
     * Starts soft assertions on a fake namespace as it will be at an instant.
     *
     * <pre>{@code
     * softly.assertThat(new KvNamespaceAt(kv, tomorrow)).isEmpty();
     * }</pre>
     *
     * @param actual the namespace and the instant
     * @return the soft assert
     */
    default KvNamespaceAtAssert assertThat(KvNamespaceAt actual) {
        return SoftNavigation.attach(this, proxy(KvNamespaceAtAssert.class, KvNamespaceAt.class, actual));
    }

    /**
     * Creates a soft assert over a REST API emulator; see {@link KvAssertions#assertThat(KvApiServer)}.
     *
     * @param actual the server
     * @return the soft assert
     * @since 0.1.0
     */
    default KvApiServerAssert assertThat(KvApiServer actual) {
        return proxy(KvApiServerAssert.class, KvApiServer.class, actual);
    }

    /**
     * Starts soft assertions on a namespace as one location sees it.
     *
     * <pre>{@code
     * softly.assertThat(kv.location("syd")).seesCurrentValueOf("config");
     * }</pre>
     *
     * @param actual the location
     * @return the soft assert
     */
    default FakeKvLocationAssert assertThat(FakeKvLocation actual) {
        return SoftNavigation.attach(this, proxy(FakeKvLocationAssert.class, FakeKvLocation.class, actual));
    }

    /**
     * Starts soft assertions on any binding, through its own reads only.
     *
     * <pre>{@code
     * softly.assertThat(restBinding).containsKey("user:42");
     * }</pre>
     *
     * @param actual the binding
     * @return the soft assert
     */
    default KvBindingAssert assertThat(KvBinding actual) {
        return proxy(KvBindingAssert.class, KvBinding.class, actual);
    }

    /**
     * Starts soft assertions on one entry.
     *
     * <pre>{@code
     * softly.assertThat(kv.entry("user:42").orElseThrow()).hasText("Ada");
     * }</pre>
     *
     * @param actual the entry
     * @return the soft assert
     */
    default KvEntryAssert assertThat(KvEntry actual) {
        return proxy(KvEntryAssert.class, KvEntry.class, actual);
    }

    /**
     * Starts soft assertions on one page of a list.
     *
     * <pre>{@code
     * softly.assertThat(kv.list()).isComplete();
     * }</pre>
     *
     * @param actual the page
     * @return the soft assert
     */
    default KvListPageAssert assertThat(KvListPage actual) {
        return proxy(KvListPageAssert.class, KvListPage.class, actual);
    }

    /**
     * Starts soft assertions on the result of {@code getWithMetadata}.
     *
     * <pre>{@code
     * softly.assertThat(kv.getWithMetadata("user:42")).hasValue("Ada");
     * }</pre>
     *
     * @param actual the result
     * @param <T> the value's Java type
     * @return the soft assert
     */
    @SuppressWarnings("unchecked")
    default <T> KvValueWithMetadataAssert<T> assertThat(KvValueWithMetadata<T> actual) {
        return proxy(KvValueWithMetadataAssert.class, KvValueWithMetadata.class, actual);
    }
}
