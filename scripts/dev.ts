// `npm run dev [-- FILE]`: the renderer from Vite's dev server (instant reload on save) with its
// API calls proxied to a web-mode server on the project (the sample study by default), so a UI
// change needs no build. Both listen on 127.0.0.1 only; the printed URL carries the token.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'vite';
import { Service } from '../src/api/service.ts';
import { startServer } from '../src/server/server.ts';
import { buildSample, SAMPLE_PATH } from '../src/api/sample.ts';

const file = process.argv[2] ?? SAMPLE_PATH;
if (!process.argv[2] && !fs.existsSync(SAMPLE_PATH)) await buildSample(SAMPLE_PATH, { force: false });
let service = Service.open(file);
service.warmJobs();
const token = randomBytes(24).toString('base64url');
const api = await startServer({
  service,
  token,
  staticDir: path.resolve(import.meta.dirname, '../renderer/dist'),
  onProjectChange: (next) => {
    service = next;
  },
});
const vite = await createServer({
  configFile: path.resolve(import.meta.dirname, '../vite.config.ts'),
  server: {
    host: '127.0.0.1',
    port: Number(process.env.THEMATIC_DEV_PORT ?? 5173),
    proxy: {
      '/api': {
        target: api.origin,
        changeOrigin: true,
        // The web-mode server refuses cross-origin calls: the proxy forwards them as same-origin.
        configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
      },
    },
  },
});
await vite.listen();
const url = `${vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'}?token=${token}`;
console.log(`Thematic dev: ${url}\n  API: web mode for ${path.basename(file)} at ${api.origin}`);
const stop = async () => {
  await vite.close();
  await api.close();
  service.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
