// kvkit's Miniflare driver: starts ONE Miniflare (workerd) with a tiny Worker holding a KV binding,
// and serves POST / on 127.0.0.1 (an ephemeral port, printed as the first stdout line) with a batch
// of sequences. Each sequence runs on an emptied namespace with Miniflare's fake timers set to the
// sequence's start; clock steps move the fake time between the Worker segments.
import http from "node:http";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Miniflare, KV_PLUGIN_NAME, _enableControlEndpoints } from "miniflare";

const NAMESPACE = "kvkit-diff";
const script = readFileSync(fileURLToPath(new URL("./kv-worker.mjs", import.meta.url)), "utf8");

// Lets the driver send the simulator's test-only control operations (fake timers, SQL) to the
// namespace's storage object, the way Miniflare's own KV tests do. It also switches the storage
// object into its test mode (1 KiB value and bulk limits).
_enableControlEndpoints();

const mf = new Miniflare({
  modules: true,
  script,
  compatibilityDate: "2026-07-01",
  kvNamespaces: { KV: NAMESPACE },
  host: "127.0.0.1",
  port: 0,
  verbose: false,
});
await mf.ready;

const objects = await mf._getInternalDurableObjectNamespace(KV_PLUGIN_NAME, "kv:ns", "KVNamespaceObject");
const storage = objects.get(objects.idFromName(NAMESPACE));

async function control(name, ...args) {
  const response = await storage.fetch("http://placeholder/", { cf: { miniflare: { controlOp: { name, args } } } });
  const text = await response.text();
  if (!response.ok) throw new Error(`control op ${name} failed: ${response.status} ${text}`);
  return text;
}

async function segment(steps, cursors) {
  const response = await mf.dispatchFetch("http://localhost/", {
    method: "POST",
    body: JSON.stringify({ steps, cursors }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Worker failed: ${response.status} ${text}`);
  return JSON.parse(text);
}

// The storage object creates its tables on its first request.
await segment([{ op: "get", key: "kvkit-warm-up", index: 0 }], {});

async function runSequence(sequence) {
  await control("sqlQuery", "DELETE FROM _mf_entries");
  await control("enableFakeTimers", sequence.startMillis);
  let now = sequence.startMillis;
  let cursors = {};
  const results = [];
  let pending = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const answer = await segment(pending, cursors);
    results.push(...answer.results);
    cursors = answer.cursors;
    pending = [];
  };
  for (let index = 0; index < sequence.steps.length; index++) {
    const step = sequence.steps[index];
    if (step.op === "clock") {
      await flush();
      now += step.millis;
      await control("enableFakeTimers", now);
      results.push({ ok: null });
    } else {
      pending.push({ ...step, index });
    }
  }
  await flush();
  return results;
}

const server = http.createServer(async (req, res) => {
  try {
    let body = "";
    req.setEncoding("utf8");
    for await (const chunk of req) body += chunk;
    const { sequences } = JSON.parse(body);
    const answers = [];
    for (const sequence of sequences) answers.push(await runSequence(sequence));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ answers }));
  } catch (e) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(e?.stack ?? e));
  }
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n");
});

async function shutdown() {
  server.close();
  await mf.dispose();
  process.exit(0);
}
process.stdin.on("end", shutdown);
process.stdin.resume();
process.on("SIGTERM", shutdown);
