// Debian's Chromium as the end-to-end tests and the bench drive it (headless, no sandbox in a
// container, nothing fetched from the network). SCHOOLPROTOCOL_CHROMIUM points at another one.
export const CHROMIUM = process.env.SCHOOLPROTOCOL_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
