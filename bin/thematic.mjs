#!/usr/bin/env node
// Plain JavaScript on purpose: it must run on any Node to explain what Node Thematic needs.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `thematic: needs Node.js 22.18 or newer (this is ${process.version}); run it through npm (npm start, npx thematic), which uses the Node 22 that npm install provides, or install Node 22.`,
  );
  process.exit(1);
}
const args = process.argv.slice(2);
let run;
if (args[0] === 'reliability') {
  // No project needed: only its own modules are loaded, their stripped JavaScript from a cache.
  (await import('./strip-cache.mjs')).useStripCache();
  run = (await import('../src/cli/reliability-command.ts')).reliabilityMain;
} else run = (await import('../src/cli/main.ts')).main;
process.exitCode = await run(args);
