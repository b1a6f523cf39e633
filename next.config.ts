import type { NextConfig } from "next";

// Headers that do not depend on the request; the CSP (with a per-request nonce) is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: a member whose role lacks a page's permission gets a 403
  // page (lib/auth/workspace-gate.ts).
  experimental: { authInterrupts: true },
  // pg-boss: an ES module loaded as is by Node.js (its optional OpenTelemetry import and its
  // schema plans need no bundling).
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss"],
  // CI type-checks the whole project once (`npm run typecheck`); doing it again here only doubles
  // the build time on small machines.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // The duty lists' former addresses (before the UI said "duty" everywhere, docs/glossary.md),
  // so bookmarks and old links keep working; the query string is passed on as it is.
  async redirects() {
    return [
      {
        source: "/w/:workspaceSlug/responsibilities/:path*",
        destination: "/w/:workspaceSlug/duties/:path*",
        permanent: true,
      },
      {
        source: "/w/:workspaceSlug/my",
        destination: "/w/:workspaceSlug/my-duties",
        permanent: true,
      },
    ];
  },
};

export default nextConfig;
