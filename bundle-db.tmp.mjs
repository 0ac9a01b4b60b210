import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
const t = performance.now()
const r = await build({
  entryPoints: ['scripts/db.ts'], outdir: 'node_modules/.cache/dbbundle-try', bundle: true, format: 'esm', platform: 'node', target: 'node20',
  packages: 'external', splitting: true, metafile: true, logLevel: 'warning', banner: { js: "import { createRequire as __pikaRequire } from 'node:module'; const require = __pikaRequire(import.meta.url);" },
  plugins: [{ name: 'own-url', setup(b) { b.onLoad({ filter: /\.ts$/ }, async (a) => ({ contents: (await readFile(a.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)), loader: 'ts' })) } }],
})
console.log('built', Math.round(performance.now() - t), Object.keys(r.metafile.inputs).length, 'inputs')
