/**
 * One Content-Security-Policy for the Electron window and the preview host. No remote content, no
 * eval, no inline scripts. Inline styles are allowed because AG Grid and ECharts set element styles
 * at run time; style injection cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
