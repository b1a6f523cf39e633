import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import { withRequestContext } from "@/lib/server/api/route";
import { checkReadiness } from "@/lib/server/health/check-readiness";

export const dynamic = "force-dynamic";

// Readiness for load balancers: 200 when this process can serve (database reachable, migrations
// applied, job queue running, not shutting down), 503 with each check's detail otherwise.
// /api/health stays the liveness check.
export async function GET(request: Request) {
  return withRequestContext(request, async () => {
    const readiness = await checkReadiness();
    return Response.json(
      { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks },
      {
        status: readiness.ready ? 200 : 503,
        headers: {
          "cache-control": "no-store",
          ...(readiness.ready ? {} : { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) }),
        },
      },
    );
  });
}
