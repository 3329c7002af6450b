package dev.kvkit.server;

import dev.kvkit.fake.WranglerConfig;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link KvApiServer} from the command line until the process is stopped:
 *
 * <pre>{@code
 * java -cp kv-fake.jar:... dev.kvkit.server.KvApiServerMain --port 8787 --namespace TODO
 * }</pre>
 *
 * <p>It prints {@code export} lines for wrangler ({@code CLOUDFLARE_API_BASE_URL}), the SDKs
 * ({@code CLOUDFLARE_BASE_URL}) and both ({@code CLOUDFLARE_ACCOUNT_ID}, {@code
 * CLOUDFLARE_API_TOKEN}), and the namespace ids as comments, so the whole output can be pasted into
 * a shell. {@code --help} lists the options; bad arguments exit with status 2 (an unusable {@code
 * --persist-to} directory included), a port that cannot be bound with status 1, and so do {@code
 * --persist-to} without SQLite's driver on the class path and a directory another server holds.
 *
 * <p>With {@code --persist-to DIR} the namespaces and entries are kept in {@code DIR} (see {@link
 * KvApiServer.Builder#persistTo(java.nio.file.Path)}): a restart on it serves what it holds, a
 * {@code --namespace} or wrangler binding it holds already is kept rather than created again (and
 * refused if it asks for another id), and {@code --seed} seeds only namespaces this start created.
 *
 * @since 0.1.0
 */
public final class KvApiServerMain {

    /** What the printed {@code CLOUDFLARE_API_TOKEN} says when no token is required: any will do. */
    static final String ANY_TOKEN = "kvkit-any-token";

    private KvApiServerMain() {}

    /**
     * Starts the server and serves until the process is stopped.
     *
     * @param args the options; see {@code --help}
     */
    public static void main(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (CommandLine.UsageError e) {
            System.err.println("kvkit-server: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        KvApiServer server;
        try {
            server = start(commandLine, System.out);
        } catch (CommandLine.UsageError | IllegalArgumentException e) {
            System.err.println("kvkit-server: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            // --persist-to without SQLite's driver, or a directory another server holds.
            System.err.println("kvkit-server: " + e.getMessage());
            System.exit(1);
            return;
        } catch (UncheckedIOException e) {
            // The arguments made sense but the port is taken, or a file cannot be read.
            System.err.println(
                    "kvkit-server: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Builds and starts the server the command line describes, creates and seeds its namespaces,
     * and prints the lines to paste. Refusals (a wrangler binding without a usable id, a seed for an
     * unknown namespace, a bad seed file) close the server again and say what is wrong.
     */
    static KvApiServer start(CommandLine commandLine, PrintStream out) {
        KvApiServer.Builder builder =
                KvApiServer.builder().port(commandLine.port()).bindAddress(commandLine.host());
        if (commandLine.accountId() != null) {
            builder.accountId(commandLine.accountId());
        }
        if (commandLine.token() != null) {
            builder.requireToken(commandLine.token());
        }
        if (commandLine.persistTo() != null) {
            builder.persistTo(commandLine.persistTo());
        }
        KvApiServer server = builder.build();
        String restored = restored(server);
        try {
            Set<String> created = createNamespaces(server, commandLine);
            seed(server, commandLine.seeds(), created);
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        String account = server.accountId();
        out.println("# kvkit: the Workers KV REST API is served at " + server.baseUrl());
        if (commandLine.persistTo() != null) {
            out.println("# kept in " + commandLine.persistTo().toAbsolutePath().normalize() + ": " + restored
                    + "; clock at " + server.clock().instant());
        }
        out.println("export CLOUDFLARE_API_BASE_URL=" + server.baseUrl());
        out.println("export CLOUDFLARE_BASE_URL=" + server.baseUrl());
        out.println("export CLOUDFLARE_ACCOUNT_ID=" + account);
        out.println("export CLOUDFLARE_API_TOKEN=" + (commandLine.token() == null ? ANY_TOKEN : commandLine.token()));
        for (ServedNamespace namespace : server.namespaces(account)) {
            out.println("# namespace " + namespace.title() + " id " + namespace.id() + " ("
                    + namespace.kv().size() + " keys)");
        }
        String root = server.baseUrl().substring(0, server.baseUrl().length() - Route.API_PREFIX.length());
        out.println("# admin routes under " + root + AdminRoutes.PREFIX + " ; stop with Ctrl-C");
        out.flush();
        return server;
    }

    /** Says what a persisted server found in its directory, before anything is added to it. */
    private static String restored(KvApiServer server) {
        int namespaces = 0;
        int keys = 0;
        for (ServedNamespace namespace : server.namespaces(server.accountId())) {
            namespaces++;
            keys += namespace.kv().size();
        }
        if (namespaces == 0) {
            return "nothing restored";
        }
        return "restored " + namespaces + (namespaces == 1 ? " namespace" : " namespaces") + " with " + keys
                + (keys == 1 ? " key" : " keys");
    }

    /** Creates the namespaces asked for; returns the titles created, not found restored. */
    private static Set<String> createNamespaces(KvApiServer server, CommandLine commandLine) {
        String account = server.accountId();
        Set<String> created = new HashSet<>();
        for (Map.Entry<String, String> namespace : commandLine.namespaces().entrySet()) {
            create(
                    server,
                    account,
                    namespace.getKey(),
                    namespace.getValue(),
                    "--namespace " + namespace.getKey(),
                    created);
        }
        if (commandLine.wranglerConfig() != null) {
            WranglerConfig config = WranglerConfig.read(commandLine.wranglerConfig());
            List<WranglerConfig.KvNamespaceBinding> bindings = commandLine.environment() == null
                    ? config.kvNamespaces()
                    : config.kvNamespaces(commandLine.environment());
            for (WranglerConfig.KvNamespaceBinding binding : bindings) {
                String where = config.source() + " binding " + binding.binding();
                create(server, account, binding.binding(), binding.id(), where, created);
                if (binding.previewId() != null && !binding.previewId().equals(binding.id())) {
                    create(
                            server,
                            account,
                            binding.binding() + "_preview",
                            binding.previewId(),
                            where + " preview_id",
                            created);
                }
            }
        }
        return created;
    }

    private static void create(
            KvApiServer server, String account, String title, String id, String where, Set<String> created) {
        if (id != null && !Route.isNamespaceId(id)) {
            throw new CommandLine.UsageError(
                    where + ": the namespace id must be 32 lowercase hex digits, but was: " + id);
        }
        if (server.persists()) {
            // Restored from the directory: the same namespace, if it has the id asked for.
            ServedNamespace existing = server.namespaceByTitle(account, title).orElse(null);
            if (existing != null) {
                if (id != null && !id.equals(existing.id())) {
                    throw new CommandLine.UsageError(where + ": the persisted namespace " + title + " has id "
                            + existing.id() + ", not " + id + "; use another --persist-to directory");
                }
                return;
            }
        }
        try {
            if (id == null) {
                server.createNamespace(account, title);
            } else {
                server.createNamespace(account, title, id);
            }
            created.add(title);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageError(where + ": " + e.getMessage());
        }
    }

    /** Seeds the namespaces created by this start; one restored from the directory keeps what it holds. */
    private static void seed(KvApiServer server, Map<String, Path> seeds, Set<String> created) {
        String account = server.accountId();
        for (Map.Entry<String, Path> seed : seeds.entrySet()) {
            ServedNamespace namespace = server.namespace(account, seed.getKey())
                    .or(() -> server.namespaceByTitle(account, seed.getKey()))
                    .orElseThrow(() -> new CommandLine.UsageError("--seed " + seed.getKey()
                            + ": no such namespace; create it with --namespace or --wrangler-config"));
            if (server.persists() && !created.contains(namespace.title())) {
                continue;
            }
            try {
                server.seed(namespace, kv -> kv.importBulk(seed.getValue()));
            } catch (UncheckedIOException e) {
                throw new CommandLine.UsageError("--seed " + seed.getKey() + ": cannot read " + seed.getValue());
            }
        }
    }
}
