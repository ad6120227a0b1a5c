#!/usr/bin/env node
// Papershelf's command-line entry. The sources are TypeScript, run by Node's type stripping
// (Node >= 22.18); npm puts the project's own Node 24 first on PATH for `npx papershelf`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `papershelf needs Node 22.18 or newer (this is ${process.version}). ` +
      'Run it through npm (`npx papershelf …` or `npm run …`), which uses the Node 24 that `npm install` put in node_modules/.bin.',
  );
  process.exit(1);
}
await import('../src/pipeline/cli.ts');
