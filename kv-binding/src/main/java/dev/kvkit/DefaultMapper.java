package dev.kvkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.internal.DefaultObjectMapper;

/** The mapper that reads the metadata of results built from a tree, in unit tests; see {@link DefaultObjectMapper}. */
final class DefaultMapper {

    static final ObjectMapper INSTANCE = DefaultObjectMapper.create();

    private DefaultMapper() {}
}
