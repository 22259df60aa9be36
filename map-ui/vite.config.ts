// Builds map-ui into map-ui/dist (served by the API); the dev server proxies the API on :8080.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const API = 'http://localhost:8080';

/** A phone on a weak network must be able to load the whole UI; a later issue sets this budget. */
const JS_LIMIT_KB = 250;

/**
 * Prints the gzipped size of all emitted JavaScript, gzipped as the API's compress() sends it,
 * and fails the build over `limitKb`. KB here are 1000 bytes, as in Vite's own report.
 */
function jsSizeBudget(limitKb: number): Plugin {
  let kb = 0;
  return {
    name: 'xuncha-js-size-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      let bytes = 0;
      for (const file of Object.values(bundle)) if (file.type === 'chunk') bytes += gzipSync(file.code).length;
      kb = bytes / 1000;
      if (kb > limitKb) this.error(`map-ui: JavaScript ${kb.toFixed(1)} KB gzipped is over the limit of ${limitKb} KB`);
    },
    // Printed last, so the line is not buried in Vite's file listing.
    closeBundle() {
      console.log(`map-ui: JavaScript ${kb.toFixed(1)} KB gzipped (limit ${limitKb} KB)`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: {
    // Leaflet's package main is a UMD file; its ES module build bundles more cleanly.
    alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }],
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': API, '/healthz': API, '/photos': API },
  },
  plugins: [jsSizeBudget(JS_LIMIT_KB)],
});
