package dev.kvkit.miniflare;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One operation sequence: the clock's start (epoch milliseconds, the same on both sides) and the
 * steps as JSON objects, exactly as the Miniflare Worker receives them and as a failure prints them.
 */
record Sequence(long startMillis, ArrayNode steps) {}
