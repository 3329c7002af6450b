// Drives one version of the official `cloudflare` SDK through every KV resource against the
// server named by the environment, and prints what it saw as one JSON object on stdout.
// Usage: node sdk-kv.mjs <package alias, e.g. cloudflare-v7>
// Environment: KVKIT_BASE_URL (ends in /client/v4), KVKIT_TOKEN, KVKIT_ACCOUNT.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const alias = process.argv[2];
const major = Number(alias.replace(/^cloudflare-v/, ''));
const Cloudflare = require(alias).default ?? require(alias);
const account_id = process.env.KVKIT_ACCOUNT;
const client = new Cloudflare({ baseURL: process.env.KVKIT_BASE_URL, apiToken: process.env.KVKIT_TOKEN, maxRetries: 0 });
const kv = client.kv.namespaces;

// The value, key and metadata resources moved the namespace id into the params in 7.x.
const values = {
  update: (ns, key, params) => major >= 7 ? kv.values.update(key, { ...params, account_id, namespace_id: ns })
                                          : kv.values.update(ns, key, { ...params, account_id }),
  get: (ns, key) => major >= 7 ? kv.values.get(key, { account_id, namespace_id: ns }) : kv.values.get(ns, key, { account_id }),
  delete: (ns, key) => major >= 7 ? kv.values.delete(key, { account_id, namespace_id: ns }) : kv.values.delete(ns, key, { account_id }),
};
const metadata = (ns, key) => major >= 7 ? kv.metadata.get(key, { account_id, namespace_id: ns }) : kv.metadata.get(ns, key, { account_id });

const seen = { alias, major };
const title = `e2e-${alias}`;

const created = await kv.create({ account_id, title });
const ns = created.id;
seen.created = { title: created.title, idLength: ns.length, supportsUrlEncoding: created.supports_url_encoding };

try {
  await kv.create({ account_id, title });
  seen.duplicateTitle = 'accepted';
} catch (e) {
  seen.duplicateTitle = { status: e.status, code: e.errors?.[0]?.code };
}

for (let i = 0; i < 6; i++) await kv.create({ account_id, title: `${title}-extra-${i}` });
const titles = [];
for await (const namespace of kv.list({ account_id, per_page: 5 })) titles.push(namespace.title);
seen.namespacesListed = titles.length;

seen.gotTitle = (await kv.get(ns, { account_id })).title;
const renamed = await kv.update(ns, { account_id, title: `${title}-renamed` });
seen.renamedTitle = renamed?.title ?? null;

// Values: a plain key, a key with every awkward character, metadata as a string and as an object.
await values.update(ns, 'greeting', { value: 'héllo', metadata: JSON.stringify({ owner: 'ada' }), expiration_ttl: 3600 });
seen.greeting = await (await values.get(ns, 'greeting')).text();
seen.greetingMetadata = await metadata(ns, 'greeting');

const awkward = 'a/b c?d%e#f:g@h!i+j&k=l';
await values.update(ns, awkward, { value: 'awkward' });
try {
  seen.awkward = await (await values.get(ns, awkward)).text();
} catch (e) {
  seen.awkward = { status: e.status };
}

await values.update(ns, 'object-metadata', { value: 'v', metadata: { a: 1 } });
seen.objectMetadata = await metadata(ns, 'object-metadata');

// Bulk: 25 keys, one base64 value, then a bulk get and a bulk delete.
const body = [];
for (let i = 0; i < 25; i++) body.push({ key: `bulk:${String(i).padStart(2, '0')}`, value: `v${i}`, metadata: { i } });
body.push({ key: 'bulk:binary', value: Buffer.from([1, 2, 3]).toString('base64'), base64: true });
await kv.bulkUpdate(ns, { account_id, body });
const bulkGet = await kv.bulkGet(ns, { account_id, keys: ['bulk:00', 'bulk:01', 'missing'] });
seen.bulkGet = bulkGet?.values ?? bulkGet;
const bulkGetWithMetadata = await kv.bulkGet(ns, { account_id, keys: ['bulk:02'], withMetadata: true, type: 'json' }).catch((e) => ({ status: e.status }));
seen.bulkGetWithMetadata = bulkGetWithMetadata?.values ?? bulkGetWithMetadata;
await kv.bulkDelete(ns, { account_id, body: ['bulk:20', 'bulk:21', 'bulk:22', 'bulk:23', 'bulk:24'] });

// Keys: every page of ten, as the SDK's own iterator walks them.
const names = [];
for await (const key of kv.keys.list(ns, { account_id, prefix: 'bulk:', limit: 10 })) names.push(key.name);
seen.listedKeys = names;

await values.delete(ns, 'greeting');
try {
  await values.get(ns, 'greeting');
  seen.deletedGreeting = 'still there';
} catch (e) {
  seen.deletedGreeting = { status: e.status, code: e.errors?.[0]?.code, message: e.errors?.[0]?.message };
}

await kv.delete(ns, { account_id });
try {
  await kv.get(ns, { account_id });
  seen.deletedNamespace = 'still there';
} catch (e) {
  seen.deletedNamespace = { status: e.status, code: e.errors?.[0]?.code };
}

process.stdout.write(JSON.stringify(seen));
