/** Zod schemas at the PDF report's boundaries (the API routes and the page's actions). */
import { z } from "zod";

export const reportIdSchema = z.object({ reportId: z.string().trim().min(1).max(64) });
