package dev.kvkit.assertj;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on any {@link KvBinding}, such as a binding over the REST API. They see only what the
 * binding's own reads show: keys through {@code list} (every page), values through {@code get}.
 * Expiration, metadata and time travel need the fake's view: use {@link
 * KvAssertions#assertThat(dev.kvkit.fake.FakeKvNamespace)} for a fake.
 *
 * <pre>{@code
 * KvBinding kv = application.binding();
 * assertThat(kv).containsKey("user:42").hasText("user:42", "Ada");
 * }</pre>
 *
 * @since 0.1.0
 */
public class KvBindingAssert extends AbstractKvNamespaceAssert<KvBindingAssert, KvBinding> {

    private ObjectMapper objectMapper = JsonSupport.DEFAULT_MAPPER;

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(KvBinding)}.
     *
     * @param actual the binding
     */
    public KvBindingAssert(KvBinding actual) {
        super(actual, KvBindingAssert.class);
    }

    /**
     * Parses JSON values with this mapper instead of a plain {@code ObjectMapper}.
     *
     * <pre>{@code
     * assertThat(kv).usingObjectMapper(mapper).hasJson("user:42", "{\"born\": \"1815-12-10\"}");
     * }</pre>
     *
     * @param objectMapper the mapper
     * @return this assert
     */
    public KvBindingAssert usingObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
        return myself;
    }

    @Override
    protected ObjectMapper objectMapper() {
        return objectMapper;
    }

    @Override
    protected List<String> keyNames() {
        List<String> names = new ArrayList<>();
        KvListPage page = actual.list();
        names.addAll(page.names());
        while (!page.listComplete()) {
            page = actual.list(ListOptions.defaults().withCursor(page.cursor()));
            names.addAll(page.names());
        }
        return names;
    }

    @Override
    protected Optional<String> textOf(String key) {
        return Optional.ofNullable(actual.get(key));
    }
}
