package dev.kvkit.fake;

import dev.kvkit.KvOperation;

/**
 * The checks the Workers binding makes on a single-key call before any request: a key name that is
 * not empty, not {@code "."} or {@code ".."}, and not longer than the limit (that one answered by the
 * service, as a {@code 414}); and no {@code null} where Java takes an object.
 */
final class BindingArguments {

    private BindingArguments() {}

    static void checkKey(String key, KvOperation operation, KvLimits limits) {
        if (key == null) {
            throw KvErrors.nullArgument("Key name");
        }
        if (key.isEmpty()) {
            throw KvErrors.emptyKey();
        }
        if (key.equals(".") || key.equals("..")) {
            throw KvErrors.dotKey(key);
        }
        int bytes = Utf8.length(key);
        if (bytes > limits.maxKeyBytes()) {
            throw KvErrors.keyTooLong(operation, key, bytes, limits);
        }
    }

    static void notNull(Object argument, String name) {
        if (argument == null) {
            throw KvErrors.nullArgument(name);
        }
    }
}
