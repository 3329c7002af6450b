// The Worker that runs inside Miniflare: it executes one segment of a sequence (the steps between
// two clock moves) against its KV binding and answers each step's result or error, in order.
// Every step is awaited before the next one starts, as the Java side runs them.

function base64(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function unbase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function valueOf(value) {
  switch (value.kind) {
    case "text":
      return value.text;
    case "bytes":
      return unbase64(value.base64).buffer;
    case "stream": {
      const bytes = unbase64(value.base64);
      const size = Math.max(1, value.chunk ?? bytes.length);
      return new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      });
    }
    default:
      throw new Error("unknown value kind " + value.kind);
  }
}

async function readOut(type, value) {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "arrayBuffer":
      return base64(new Uint8Array(value));
    case "stream":
      return base64(new Uint8Array(await new Response(value).arrayBuffer()));
    default:
      return value;
  }
}

function getOptions(step) {
  const options = {};
  if (step.type !== undefined) options.type = step.type;
  if (step.cacheTtl !== undefined) options.cacheTtl = step.cacheTtl;
  return options;
}

async function run(kv, step, cursors) {
  switch (step.op) {
    case "put": {
      const options = {};
      if (step.expiration !== undefined) options.expiration = step.expiration;
      if (step.expirationTtl !== undefined) options.expirationTtl = step.expirationTtl;
      if (step.metadata !== undefined) options.metadata = step.metadata;
      await kv.put(step.key, valueOf(step.value), options);
      return null;
    }
    case "get":
      return await readOut(step.type, await kv.get(step.key, getOptions(step)));
    case "getWithMetadata": {
      const result = await kv.getWithMetadata(step.key, getOptions(step));
      return {
        value: await readOut(step.type, result.value),
        metadata: result.metadata ?? null,
        cacheStatus: result.cacheStatus ?? null,
      };
    }
    case "getBulk": {
      const map = step.withMetadata
        ? await kv.getWithMetadata(step.keys, getOptions(step))
        : await kv.get(step.keys, getOptions(step));
      const entries = [];
      for (const [key, value] of map) {
        entries.push([
          key,
          step.withMetadata && value !== null
            ? { value: value.value, metadata: value.metadata ?? null }
            : value,
        ]);
      }
      return entries;
    }
    case "delete":
      await kv.delete(step.key);
      return null;
    case "list": {
      const options = {};
      if (step.prefix !== undefined) options.prefix = step.prefix;
      if (step.limit !== undefined) options.limit = step.limit;
      if (step.cursorFrom !== undefined) {
        const cursor = cursors[step.cursorFrom];
        if (cursor !== undefined) options.cursor = cursor;
      } else if (step.cursor !== undefined) {
        options.cursor = step.cursor;
      }
      const page = await kv.list(options);
      const keys = page.keys.map((k) => {
        const key = { name: k.name };
        if (k.expiration !== undefined) key.expiration = k.expiration;
        if (k.metadata !== undefined) key.metadata = k.metadata;
        return key;
      });
      if (page.cursor !== undefined && page.cursor !== "") cursors[step.index] = page.cursor;
      return { keys, listComplete: page.list_complete, cursor: page.cursor ? page.cursor : null };
    }
    default:
      throw new Error("unknown step " + step.op);
  }
}

export default {
  async fetch(request, env) {
    const { steps, cursors } = await request.json();
    const results = [];
    for (const step of steps) {
      try {
        results.push({ ok: await run(env.KV, step, cursors) });
      } catch (e) {
        results.push({ error: { name: e?.name ?? null, message: e?.message ?? String(e) } });
      }
    }
    return Response.json({ results, cursors });
  },
};
