/**
 * The renderer's content security policy. Highlight colours come from a constructed
 * stylesheet, so style-src needs no 'unsafe-inline'; no eval anywhere (zod runs jitless).
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Sent as a header by the browser host (and fit for the Electron protocol handler). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The same policy as renderer/index.html states it in a <meta> element, for the Electron shell.
 * Browsers ignore frame-ancestors there (with a console warning); the header and
 * X-Frame-Options carry it instead. test/main/transports/browser-host.test.ts keeps the two in step.
 */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(
  (d) => !d.startsWith('frame-ancestors'),
).join('; ');

/** Sent with every answer of the browser host, refusals included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
