package dev.kvkit.server;

/**
 * The operations of the Workers KV REST API that {@link KvApiServer} serves, one per route and
 * method. Journal entries name them, and faults can be aimed at them.
 *
 * @since 0.1.0
 */
public enum ApiOperation {
    /** {@code POST /namespaces}. */
    CREATE_NAMESPACE,
    /** {@code GET /namespaces}. */
    LIST_NAMESPACES,
    /** {@code GET /namespaces/{id}}. */
    GET_NAMESPACE,
    /** {@code PUT /namespaces/{id}}. */
    RENAME_NAMESPACE,
    /** {@code DELETE /namespaces/{id}}. */
    DELETE_NAMESPACE,
    /** {@code PUT /namespaces/{id}/values/{key}}. */
    PUT_VALUE,
    /** {@code GET /namespaces/{id}/values/{key}}. */
    GET_VALUE,
    /** {@code DELETE /namespaces/{id}/values/{key}}. */
    DELETE_VALUE,
    /** {@code GET /namespaces/{id}/metadata/{key}}. */
    GET_METADATA,
    /** {@code GET /namespaces/{id}/keys}. */
    LIST_KEYS,
    /** {@code PUT /namespaces/{id}/bulk}. */
    BULK_PUT,
    /** {@code POST /namespaces/{id}/bulk/delete}, and the deprecated {@code DELETE /namespaces/{id}/bulk}. */
    BULK_DELETE,
    /** {@code POST /namespaces/{id}/bulk/get}. */
    BULK_GET
}
