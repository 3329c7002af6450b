package dev.kvkit.junit;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import java.util.Map;

/**
 * The contents of a namespace as a report entry: what a failed test left behind, readable without a
 * debugger. Values are abbreviated as {@link KvEntry#toString()} does, and long namespaces are cut.
 */
final class NamespaceReport {

    static final String KEY_PREFIX = "kvkit.namespace.";
    static final int MAX_ENTRIES = 50;

    private NamespaceReport() {}

    /**
     * The contents of the namespaces a failed test reached, attached to its failure as a suppressed
     * exception: the one place every build tool and IDE prints. It has no stack trace of its own.
     */
    static final class Contents extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Contents(String contents) {
            super("kvkit namespaces at the failure:\n" + contents, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    static String key(NamespaceHandle handle) {
        return KEY_PREFIX + handle.declaration().binding();
    }

    static String contents(NamespaceHandle handle) {
        FakeKvNamespace namespace = handle.namespace();
        Map<String, KvEntry> entries = namespace.entries();
        StringBuilder text = new StringBuilder(namespace.toString());
        handle.wrangler().ifPresent(binding -> {
            if (binding.id() != null) {
                text.append(" id=").append(binding.id());
            }
            if (binding.remote()) {
                text.append(" remote");
            }
        });
        int shown = 0;
        for (KvEntry entry : entries.values()) {
            if (shown == MAX_ENTRIES) {
                text.append("\n  ... and ").append(entries.size() - shown).append(" more");
                break;
            }
            text.append("\n  ").append(entry);
            shown++;
        }
        return text.toString();
    }
}
