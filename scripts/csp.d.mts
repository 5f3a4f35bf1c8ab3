// Types for csp.mjs, so vite.config.ts and the e2e tests type-check without allowJs.
import type { Plugin } from 'vite';

/** Each directive of the built app's Content-Security-Policy and its sources. */
export declare const CSP_DIRECTIVES: Readonly<Record<string, string>>;
/** The policy as the meta tag carries it: "default-src 'self'; script-src 'self'; …". */
export declare const CONTENT_SECURITY_POLICY: string;
/** Vite plugin (build only): the policy as a <meta http-equiv> right after <meta charset>. */
export declare function contentSecurityPolicy(): Plugin;
