// A Vite plugin writing gzip and Brotli copies of the built assets beside them, so the server sends compressed
// files without compressing on every request (@fastify/static `preCompressed`). Issue 9 counts the JavaScript
// a first visit downloads; compressed, the UI is about a quarter of its size.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|css|html|svg|json)$/;

export function compressAssets(): Plugin {
  return {
    name: 'opora-compress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const name of Object.keys(bundle)) {
        if (!compressible.test(name)) continue;
        const file = path.join(dir, name);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        );
      }
    },
  };
}
