package dev.kvkit.junit.contract;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.kvkit.cloudflare.CloudflareKvAccount;
import dev.kvkit.cloudflare.KvNamespaceInfo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The contract on Cloudflare itself, through {@code CloudflareKvBinding}, when {@code
 * CLOUDFLARE_API_TOKEN} and {@code CLOUDFLARE_ACCOUNT_ID} are set: each test gets a throwaway
 * namespace named for what it is, deleted after the test. Without both variables every test is
 * aborted with that reason (this build machine has no route to Cloudflare). Cloudflare's clock
 * cannot be moved, so the expiry tests check the expiration the service reports.
 */
class CloudflareContractTest extends KvBindingContract {

    static final String TOKEN_VARIABLE = "CLOUDFLARE_API_TOKEN";
    static final String ACCOUNT_VARIABLE = "CLOUDFLARE_ACCOUNT_ID";

    @Override
    protected KvContractTarget target() {
        String token = System.getenv(TOKEN_VARIABLE);
        String account = System.getenv(ACCOUNT_VARIABLE);
        if (token == null || token.isBlank() || account == null || account.isBlank()) {
            abort("The contract runs against Cloudflare only when " + TOKEN_VARIABLE + " and " + ACCOUNT_VARIABLE
                    + " are set; they are not, so this run covers the fake and the emulator only");
        }
        CloudflareKvAccount cloudflare =
                CloudflareKvAccount.builder().apiToken(token).accountId(account).build();
        String title = "kvkit-contract-throwaway-"
                + DateTimeFormatter.ISO_INSTANT
                        .format(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                        .replace(':', '-')
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        KvNamespaceInfo namespace = cloudflare.createNamespace(title);
        return KvContractTarget.of(cloudflare.binding(namespace.id()), Instant::now)
                .onClose(() -> cloudflare.deleteNamespace(namespace.id()));
    }
}
