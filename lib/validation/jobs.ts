import { z } from "zod";

export const failedJobsQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "Enter a number." })
    .int({ error: "Enter a whole number." })
    .min(1, { error: "Use at least 1." })
    .max(200, { error: "Use at most 200." })
    .default(50),
});

export type FailedJobsQuery = z.infer<typeof failedJobsQuerySchema>;
