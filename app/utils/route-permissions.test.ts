// Built from the route files: every loader and action checks a permission (or is public on purpose,
// listed here with why), so a new route without a check fails this test before it ships.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(import.meta.dirname, "../routes");

/** Routes anyone may reach, and why. A route listed here but also guarded is fine; one missing from both fails. */
const PUBLIC: Record<string, { loader?: string; action?: string }> = {
  "$.tsx": { loader: "the not-found page" },
  "_index.tsx": { loader: "redirects to sign-in or the role's home" },
  "login.tsx": { loader: "the sign-in page", action: "signing in" },
  "logout.tsx": { loader: "redirects", action: "signing out ends whatever session the cookie names" },
  "healthz.ts": { loader: "health check for supervisors and load balancers" },
  "careers._index.tsx": { loader: "the public careers page" },
  "careers.$slug.tsx": { loader: "a public opening", action: "applying" },
  "invite.$token.tsx": { loader: "guarded by the one-time invitation token", action: "setting a password with that token" },
  "calendar.$token[.]ics.ts": { loader: "guarded by the agent's secret calendar token" },
};

const GUARDS = /\b(requirePermission|requireUser)\(/;

/** The source of an exported loader or action: from its declaration to the next top-level declaration. */
function exported(source: string, name: "loader" | "action"): string | null {
  const start = source.search(new RegExp(`^export (async )?(function ${name}\\b|const ${name}\\b)`, "m"));
  if (start < 0) return null;
  const rest = source.slice(start + 1);
  const end = rest.search(/^(export |function |async function |const |let |type |interface |class )/m);
  return end < 0 ? rest : rest.slice(0, end);
}

const files = readdirSync(ROUTES).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f));

describe("every route checks who may use it", () => {
  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    const source = readFileSync(path.join(ROUTES, file), "utf8");
    for (const name of ["loader", "action"] as const) {
      const body = exported(source, name);
      if (!body) continue;
      it(`${file} ${name}`, () => {
        const reason = PUBLIC[file]?.[name];
        if (reason) return;
        expect(GUARDS.test(body), `${file}: its ${name} checks no permission (call requirePermission, or list it in PUBLIC with why)`).toBe(true);
      });
    }
  }
});
