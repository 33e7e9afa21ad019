// A small local stand-in for an OpenAI-compatible embeddings API (the real one is paid and
// remote): scripted responses per call, deterministic vectors, and a record of each request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Script = (
  call: number,
  body: { model: string; input: string[]; dimensions?: number },
) => { status: number; headers?: Record<string, string>; body?: unknown } | null;

export async function startFakeEmbeddingsApi(script: Script = () => null, dims = 8) {
  const calls: { at: number; auth: string | undefined; input: string[] }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as { model: string; input: string[]; dimensions?: number };
      calls.push({ at: Date.now(), auth: req.headers.authorization, input: body.input });
      const scripted = script(calls.length, body);
      if (scripted) {
        res
          .writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers })
          .end(JSON.stringify(scripted.body ?? { error: { message: 'scripted' } }));
        return;
      }
      const data = body.input.map((text, index) => ({
        index,
        embedding: Array.from({ length: body.dimensions ?? dims }, (_, i) => ((text.charCodeAt(i % text.length) || 1) % 7) + 1),
      }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, calls, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
