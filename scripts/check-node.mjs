// npm scripts run this first: a clear line instead of a native crash on an unsupported Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Thematic needs Node.js 22.18 or newer (this is ${process.version}). npm install provides it as a dev dependency; run through npm scripts, or install Node 22.`,
  );
  process.exit(1);
}
