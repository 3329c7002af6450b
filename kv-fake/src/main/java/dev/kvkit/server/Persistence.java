package dev.kvkit.server;

import java.util.Collection;

/**
 * How the server keeps what it is told to change: {@link #IN_MEMORY}, the default, keeps nothing
 * beyond the namespaces themselves; a {@link DataDirectory} saves every change before it is
 * acknowledged.
 *
 * <p>Every change the server makes goes the same way, so the two cannot drift apart:
 *
 * <pre>{@code
 * Persistence.Change change = persistence.begin();
 * try {
 *     kv.put(key, value, options);   // the change, in memory
 *     change.key(namespace, key);    // what it touched
 * } finally {
 *     change.save();                 // saved, committed, and only then answered
 * }
 * }</pre>
 *
 * In memory, {@link #begin()} hands out {@link Change#NONE}, whose methods do nothing: no lock, no
 * allocation, three calls the JIT inlines away.
 */
abstract class Persistence {

    /** Keeps nothing: the server's state lives and dies with its namespaces. */
    static final Persistence IN_MEMORY = new Persistence() {
        @Override
        Change begin() {
            return Change.NONE;
        }
    };

    /**
     * Starts a change. Until {@link Change#save()} no other change of this server begins, so changes
     * are saved in the order they are made in memory.
     *
     * @throws Failure when an earlier change could not be saved
     */
    abstract Change begin();

    /** Saves where the server's clock has been, after the admin routes moved it. */
    void clockMoved() {
        begin().save();
    }

    /** Saves what is left unsaved and lets go of the store; nothing for memory. */
    void close() {}

    /** Lets go of the store as a killed process would, saving nothing more; nothing for memory. */
    void halt() {}

    /**
     * What one change touched, to be saved as it stands in memory once the change is made. Each
     * method only notes; {@link #save()} reads the namespaces and writes.
     */
    static class Change {

        /** The change of a server in memory: nothing to note, nothing to save. */
        static final Change NONE = new Change();

        /** Notes a key whose value, metadata, expiration or absence is to be saved. */
        void key(NamespaceRegistry.Entry namespace, String key) {}

        /** Notes keys whose state is to be saved. */
        void keys(NamespaceRegistry.Entry namespace, Collection<String> keys) {}

        /** Notes a namespace created or renamed: its id, title and jurisdiction are to be saved. */
        void namespace(NamespaceRegistry.Entry namespace) {}

        /** Notes a namespace deleted, with everything in it. */
        void namespaceDeleted(NamespaceRegistry.Entry namespace) {}

        /** Notes a namespace whose every key is to be saved: after a reset or a seed. */
        void contents(NamespaceRegistry.Entry namespace) {}

        /**
         * Saves what was noted, committed before this returns, and ends the change. Called in a
         * {@code finally}, also when the change itself failed, since a change may fail half-way.
         *
         * @throws Failure when the store refuses
         */
        void save() {}
    }

    /**
     * A change that could not be saved, or a store that is closed: the change stays in memory
     * unacknowledged, and no further change is taken until the server is restarted. HTTP clients
     * get a 500.
     */
    static final class Failure extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
