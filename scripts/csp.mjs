// The Content-Security-Policy of the built app, and the Vite plugin that puts it into
// dist/index.html (docs/security.md says why each directive). Plain .mjs (typed by csp.d.mts)
// so vite.config.ts and the e2e tests import it with its extension.

/** Each directive and its sources, in the order they are written. */
export const CSP_DIRECTIVES = Object.freeze({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'worker-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
});

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;

/**
 * Puts the policy in <head> of the built index.html, right after <meta charset> and before any
 * script or stylesheet (a meta policy governs only what comes after it). A meta policy holds
 * wherever dist/ is served, static hosts included; it cannot carry frame-ancestors, report-uri
 * or sandbox. Build only: the dev server needs React Refresh's inline preamble script and
 * Vite's injected <style> tags, which this policy forbids.
 * @returns {import('vite').Plugin}
 */
export function contentSecurityPolicy() {
  return {
    name: 'eventflow:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (charset) return html.replace(charset[0], `${charset[0]}\n    ${META}`);
        if (/<head>/i.test(html)) return html.replace(/<head>/i, (head) => `${head}\n    ${META}`);
        throw new Error('index.html has no <head>: cannot add the Content-Security-Policy.');
      },
    },
  };
}
