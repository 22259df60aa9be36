// Serves the real app (API plus the built map-ui) on a free port of 127.0.0.1 for browser tests.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';

export const UI_DIST = path.resolve(import.meta.dirname, '../../map-ui/dist');

/** Browser tests drive the built UI, so fail early and say how to build it. */
export function assertUiBuilt(): void {
  if (!fs.existsSync(path.join(UI_DIST, 'index.html'))) {
    throw new Error(`map-ui is not built (${UI_DIST}/index.html is missing). Run \`npm run build:ui\` first; \`npm ci\` does it too.`);
  }
}

export type UiServer = { baseUrl: string; close(): Promise<void> };

/** Listens on 127.0.0.1 and an ephemeral port; close() also drops Chromium's keep-alive sockets. */
export async function startUiServer(fetch: (request: Request) => Response | Promise<Response>): Promise<UiServer> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
