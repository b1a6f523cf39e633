/**
 * Vendors (provider organisations) and their assessment over the nine topics of the four-layer
 * generative AI model. Topic keys are stable (stored in VendorAssessmentAnswer.topicKey); titles and
 * questions are our own words and may be reworded freely.
 */
import { z } from "zod";

import { idSchema } from "@/lib/validation/systems";

export type AssessmentTopic = { key: string; title: string; questions: readonly string[] };

export const ASSESSMENT_TOPICS = [
  {
    key: "training_data_alignment",
    title: "Training data and alignment",
    questions: [
      "Where does the model's training data come from, and how is it screened for poisoning or unlawful content?",
      "How was the model tuned to refuse harmful requests, and how is that tuning tested?",
    ],
  },
  {
    key: "model_security",
    title: "Model security",
    questions: [
      "How are model weights protected against theft and tampering?",
      "Does the vendor test the model against jailbreaks, extraction and adversarial inputs, and how often?",
    ],
  },
  {
    key: "api_infrastructure",
    title: "API and infrastructure",
    questions: [
      "How are API keys issued, scoped, rotated and revoked?",
      "Which certifications cover the hosting infrastructure, and is tenant data isolated?",
    ],
  },
  {
    key: "versioning",
    title: "Versioning",
    questions: [
      "Can we pin a model version, and how much notice do we get before a version changes or is retired?",
      "Are behaviour changes between versions documented?",
    ],
  },
  {
    key: "data_privacy",
    title: "Data privacy",
    questions: [
      "Are our prompts and outputs stored, for how long, and are they used to train models?",
      "In which regions is our data processed, and is a data-processing agreement in place?",
    ],
  },
  {
    key: "guardrails",
    title: "Guardrails",
    questions: [
      "Which input and output filters does the vendor apply, and can we configure or add our own?",
      "How does the service handle prompt injection and sensitive-data leakage?",
    ],
  },
  {
    key: "agent_security",
    title: "Agent security",
    questions: [
      "When the product acts through tools or agents, how are tool calls authorised and limited?",
      "Can a human approve high-impact actions before they run?",
    ],
  },
  {
    key: "monitoring_transparency",
    title: "Monitoring and transparency",
    questions: [
      "Which logs of usage and model behaviour can we get, and how quickly?",
      "Does the vendor publish model cards, incident reports and a security contact?",
    ],
  },
  {
    key: "regulatory_compliance",
    title: "Regulatory compliance",
    questions: [
      "How does the vendor support our duties under the EU AI Act and data-protection law?",
      "Will the vendor notify us of incidents and regulatory findings, and within what time?",
    ],
  },
] as const satisfies readonly AssessmentTopic[];

export const ASSESSMENT_TOPIC_KEYS = ASSESSMENT_TOPICS.map((topic) => topic.key) as [
  (typeof ASSESSMENT_TOPICS)[number]["key"],
  ...(typeof ASSESSMENT_TOPICS)[number]["key"][],
];
export type AssessmentTopicKey = (typeof ASSESSMENT_TOPICS)[number]["key"];

export const ASSESSMENT_STATUSES = [
  "NOT_STARTED",
  "IN_REVIEW",
  "SATISFACTORY",
  "CONCERN",
  "NOT_APPLICABLE",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  NOT_STARTED: "Not started",
  IN_REVIEW: "In review",
  SATISFACTORY: "Satisfactory",
  CONCERN: "Concern",
  NOT_APPLICABLE: "Not applicable",
};

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;
const optionalText = (max: number) =>
  z
    .preprocess(
      blankToNull,
      z.string().trim().max(max, `Use at most ${max} characters.`).nullable(),
    )
    .default(null);

export const vendorFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the vendor's name.")
    .max(200, "Use at most 200 characters."),
  kind: optionalText(100),
  website: z
    .preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/, error: "Enter an http(s) address." })
        .max(500)
        .nullable(),
    )
    .default(null),
  contactName: optionalText(200),
  contactEmail: z
    .preprocess(blankToNull, z.email({ error: "Enter an e-mail address." }).max(320).nullable())
    .default(null),
  notes: optionalText(4000),
});
export type VendorFields = z.infer<typeof vendorFieldsSchema>;

export const createVendorSchema = vendorFieldsSchema;
export const updateVendorSchema = vendorFieldsSchema.extend({ vendorId: idSchema });
export const vendorIdSchema = z.object({ vendorId: idSchema });

export const linkVendorSystemsSchema = z.object({
  vendorId: idSchema,
  systemIds: z.array(idSchema).min(1, "Choose at least one system.").max(1000),
});
export const unlinkVendorSystemSchema = z.object({ vendorId: idSchema, systemId: idSchema });

export const assessmentAnswerSchema = z.object({
  vendorId: idSchema,
  topicKey: z.enum(ASSESSMENT_TOPIC_KEYS),
  answer: optionalText(8000),
  status: z.enum(ASSESSMENT_STATUSES),
  reviewerId: z.preprocess(blankToNull, idSchema.nullable()).default(null),
});
export type AssessmentAnswerInput = z.infer<typeof assessmentAnswerSchema>;
