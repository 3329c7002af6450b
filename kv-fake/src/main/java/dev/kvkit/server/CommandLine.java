package dev.kvkit.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@link KvApiServerMain}, parsed and checked before anything starts, so a typo
 * gets a clear message and exit status 2 rather than a half-started server.
 *
 * @param help whether {@code --help} was given
 * @param port the port, 0 for a free one
 * @param host the address to bind
 * @param accountId the account, or {@code null} for the default
 * @param token the token to require, or {@code null} to accept any
 * @param namespaces titles to create, each to its chosen id or to {@code null} for a random one
 * @param wranglerConfig a wrangler configuration whose KV bindings to create, or {@code null}
 * @param environment the wrangler environment, or {@code null} for the top level
 * @param seeds namespace titles (or ids) to the wrangler bulk files to seed them from
 * @param persistTo the directory to keep namespaces and entries in, or {@code null} for memory
 */
record CommandLine(
        boolean help,
        int port,
        String host,
        String accountId,
        String token,
        Map<String, String> namespaces,
        Path wranglerConfig,
        String environment,
        Map<String, Path> seeds,
        Path persistTo) {

    static final String USAGE = String.join(
            "\n",
            "Usage: kvkit-server [options]",
            "",
            "Serves Cloudflare's Workers KV REST API on loopback, backed by in-memory fake namespaces,",
            "kept in a directory across restarts with --persist-to.",
            "",
            "Options:",
            "  --port N                     port to listen on (default 8787; 0 picks a free one)",
            "  --host ADDRESS               address to bind (default 127.0.0.1)",
            "  --account ID                 account id clients use (default " + KvApiServer.DEFAULT_ACCOUNT_ID + ")",
            "  --token TOKEN                require this API token (default: accept any)",
            "  --namespace TITLE[=ID]       create a namespace; repeatable; ID is 32 lowercase hex digits",
            "  --wrangler-config FILE       create the KV namespaces bound in wrangler.toml/.json/.jsonc",
            "  --env NAME                   with --wrangler-config: that environment's bindings",
            "  --seed NAMESPACE=FILE        import a wrangler bulk JSON file into a namespace (title or id)",
            "                               created by this start (not into one restored by --persist-to)",
            "  --persist-to DIR             keep namespaces and entries in DIR (SQLite, kvkit.sqlite): every",
            "                               acknowledged write survives kill -9 and a restart on DIR; the",
            "                               clock starts at the system's time (default: in memory only)",
            "  --help                       print this help",
            "",
            "Admin routes (no auth) are under /__kvkit/: health, reset, clock, seed, export, journal, faults.",
            "");

    static final int DEFAULT_PORT = 8787;

    /** Parses the arguments, or throws {@link UsageError} saying what is wrong. */
    static CommandLine parse(String... args) {
        boolean help = false;
        int port = DEFAULT_PORT;
        String host = "127.0.0.1";
        String account = null;
        String token = null;
        Map<String, String> namespaces = new LinkedHashMap<>();
        Path wranglerConfig = null;
        String environment = null;
        Map<String, Path> seeds = new LinkedHashMap<>();
        Path persistTo = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String inline = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                inline = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = port(value(option, inline, rest));
                case "--host" -> host = value(option, inline, rest);
                case "--account" -> {
                    account = value(option, inline, rest);
                    if (!account.matches("[A-Za-z0-9_-]{1,64}")) {
                        throw new UsageError("--account must be letters, digits, _ or -, but was: " + account);
                    }
                }
                case "--token" -> {
                    token = value(option, inline, rest);
                    if (token.isBlank() || !token.matches("[\\x21-\\x7E]+")) {
                        throw new UsageError("--token must be printable ASCII without spaces");
                    }
                }
                case "--namespace" -> {
                    String spec = value(option, inline, rest);
                    int split = spec.indexOf('=');
                    String title = split < 0 ? spec : spec.substring(0, split);
                    String id = split < 0 ? null : spec.substring(split + 1);
                    if (title.isEmpty()) {
                        throw new UsageError("--namespace needs a title: --namespace TITLE[=ID]");
                    }
                    if (id != null && !Route.isNamespaceId(id)) {
                        throw new UsageError("--namespace " + spec + ": the id must be 32 lowercase hex digits");
                    }
                    if (namespaces.containsKey(title)) {
                        throw new UsageError("--namespace " + title + " is given twice");
                    }
                    namespaces.put(title, id);
                }
                case "--wrangler-config" -> wranglerConfig = Path.of(value(option, inline, rest));
                case "--env" -> environment = value(option, inline, rest);
                case "--seed" -> {
                    String spec = value(option, inline, rest);
                    int split = spec.indexOf('=');
                    if (split <= 0 || split == spec.length() - 1) {
                        throw new UsageError("--seed needs NAMESPACE=FILE, but was: " + spec);
                    }
                    seeds.put(spec.substring(0, split), Path.of(spec.substring(split + 1)));
                }
                case "--persist-to" -> {
                    String directory = value(option, inline, rest);
                    if (directory.isBlank()) {
                        throw new UsageError("--persist-to needs a directory");
                    }
                    persistTo = Path.of(directory);
                }
                default -> throw new UsageError("Unknown option: " + option);
            }
        }
        if (environment != null && wranglerConfig == null) {
            throw new UsageError("--env needs --wrangler-config");
        }
        return new CommandLine(
                help,
                port,
                host,
                account,
                token,
                Collections.unmodifiableMap(namespaces),
                wranglerConfig,
                environment,
                Collections.unmodifiableMap(seeds),
                persistTo);
    }

    private static String value(String option, String inline, List<String> rest) {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageError(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageError("--port must be a number from 0 to 65535, but was: " + text);
    }

    /** Arguments that make no sense; the message says which and why. */
    static final class UsageError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
