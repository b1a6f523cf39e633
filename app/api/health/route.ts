import { checkDatabase } from "@/lib/server/health/check-database";

export const dynamic = "force-dynamic";

// 200 when the app can reach its database, 503 with the reason otherwise.
export async function GET() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "unavailable", database };
  return Response.json(body, {
    status: database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
