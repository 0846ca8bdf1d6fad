// Runs before `npm test`, `npm start` and `npm run cli`: better-sqlite3-multiple-ciphers 13 needs
// Node 22.14 or newer and crashes on older versions instead of failing cleanly, so say it plainly.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `Schoolprotocol heeft Node.js 22.14 of nieuwer nodig; deze computer heeft ${process.versions.node}.\n` +
      `Schoolprotocol needs Node.js 22.14 or newer; this machine has ${process.versions.node}.\n` +
      'Installeer de LTS-versie van https://nodejs.org en probeer het opnieuw.',
  );
  process.exit(1);
}
