package dev.kvkit.cloudflare;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bodies of a value write: the raw value, or {@code multipart/form-data} with a {@code metadata}
 * part (JSON text) and a {@code value} part. Neither copies the value: arrays are sent as they are,
 * streams are read as the request goes out.
 */
final class RequestBodies {

    private RequestBodies() {}

    /** A body and its content type. */
    record Body(BodyPublisher publisher, String contentType) {}

    static Body json(byte[] json) {
        return raw(json, "application/json");
    }

    static Body raw(byte[] value, String contentType) {
        return new Body(BodyPublishers.ofByteArray(value), contentType);
    }

    static Body raw(InputStream value, String contentType) {
        InputStream kept = new KeptOpen(value);
        return new Body(BodyPublishers.ofInputStream(() -> kept), contentType);
    }

    /**
     * A form with the metadata first, so a server can refuse oversized metadata before reading the
     * value, and the value as a file part, whose bytes a server takes verbatim.
     */
    static Body multipart(byte[] metadata, byte[] value) {
        String boundary = boundary();
        return new Body(
                BodyPublishers.ofByteArrays(List.of(head(boundary, metadata), value, tail(boundary))),
                "multipart/form-data; boundary=" + boundary);
    }

    static Body multipart(byte[] metadata, InputStream value) {
        String boundary = boundary();
        InputStream form = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head(boundary, metadata)),
                new KeptOpen(value),
                new ByteArrayInputStream(tail(boundary)))));
        return new Body(BodyPublishers.ofInputStream(() -> form), "multipart/form-data; boundary=" + boundary);
    }

    /** Random, so no value can hold it but by a one-in-2^128 chance. */
    private static String boundary() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "kvkit-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private static byte[] head(String boundary, byte[] metadata) {
        String metadataPart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + new String(metadata, StandardCharsets.UTF_8) + "\r\n";
        String valueHead = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"value\"; filename=\"blob\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        return (metadataPart + valueHead).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tail(String boundary) {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The caller's stream, which the JDK client would close when it reaches the end; the binding
     * promises to read a stream to its end but leave it open.
     */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
