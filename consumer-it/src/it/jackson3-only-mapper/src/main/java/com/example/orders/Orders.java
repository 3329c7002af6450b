package com.example.orders;

import dev.kvkit.KvBinding;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.PutOptions;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import java.net.URI;
import java.util.Optional;

/** Production code: orders kept as JSON values, their owner as typed metadata. */
public final class Orders {

    public record Order(String orderId, Money orderTotal) {}

    public record Owner(String customerName) {}

    private final KvBinding kv;

    public Orders(KvBinding kv) {
        this.kv = kv;
    }

    /** The production binding: Cloudflare's REST API with the application's Jackson 3 mapper. */
    public static KvBinding cloudflare(URI baseUrl, String token, String accountId, String namespaceId) {
        return CloudflareKvBinding.builder()
                .baseUrl(baseUrl)
                .apiToken(token)
                .accountId(accountId)
                .namespaceId(namespaceId)
                .jsonCodec(KvJsonCodec.jackson3(JsonConfig.jsonMapper()))
                .build();
    }

    public void place(Order order, Owner owner) {
        kv.putJson("order:" + order.orderId(), order, PutOptions.defaults().withMetadata(owner));
    }

    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(kv.getJson("order:" + orderId, Order.class));
    }

    public Optional<Owner> owner(String orderId) {
        KvValueWithMetadata<String> found = kv.getWithMetadata("order:" + orderId);
        return Optional.ofNullable(found.metadata(Owner.class));
    }

    public Optional<Owner> firstListedOwner() {
        return kv.list().keys().stream().findFirst().map(key -> key.metadata(Owner.class));
    }
}
