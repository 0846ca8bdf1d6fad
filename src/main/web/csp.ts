// The Content-Security-Policy of the renderer, in one place. Pure (no electron import): the
// Electron door sends it as a response header for app://, and the browser preview sends the same
// header for every file it serves. src/renderer/index.html carries the same policy as a meta tag.
//
// Why each part:
// - default-src 'self': no remote anything; the app is offline and everything is bundled.
// - script-src 'self': no inline or eval'd script, so injected markup cannot run code.
// - style-src 'self' 'unsafe-inline': Mantine writes its CSS variables in a <style> element and
//   sets style="" attributes, and AG Grid's theming API injects <style> elements at run time.
//   Inline styles cannot run code; the risk left is CSS-based data leaks, which need a remote
//   URL to send to, and those are blocked by default-src/img-src/font-src/connect-src.
// - img-src/font-src data: blob:: bundled icons and fonts inlined by vite, previews of evidence.
// - connect-src 'self': the browser preview's fetch('/api/…'); in Electron IPC is used instead.
// - frame-src 'self' blob:: an evidence PDF shown in an <iframe> from a blob.
// - object-src 'none', base-uri 'none', form-action 'none', frame-ancestors 'none': close the
//   classic injection routes and clickjacking.

export interface CspOptions {
  /** Only for `electron-vite dev`: the vite dev server's origin (HMR needs ws and an inline preamble). */
  devServer?: string;
}

export function contentSecurityPolicy(opts: CspOptions = {}): string {
  const dev = opts.devServer ? new URL(opts.devServer) : null;
  const ws = dev ? ` ws://${dev.host}` : '';
  const devScript = dev ? ` ${dev.origin} 'unsafe-inline'` : '';
  return [
    `default-src 'self'`,
    `script-src 'self'${devScript}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${ws}`,
    `frame-src 'self' blob:`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Headers every renderer response carries (both doors). */
export function securityHeaders(opts: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(opts),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}
