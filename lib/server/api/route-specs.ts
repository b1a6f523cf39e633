import type { ApiRouteSpec } from "@/lib/server/api/spec";
import { getCoverageSpec, listGapsSpec } from "@/lib/server/api/specs/coverage";
import {
  diffCrosswalkSpec,
  getCrosswalkVersionSpec,
  getReferenceCoverageSpec,
  importCrosswalkSpec,
  listCrosswalksSpec,
  listReferencesSpec,
} from "@/lib/server/api/specs/crosswalks";
import { downloadExportSpec, getExportSpec, startExportSpec } from "@/lib/server/api/specs/exports";
import {
  createEvidenceSpec,
  deleteEvidenceSpec,
  downloadEvidenceSpec,
  getEvidenceSpec,
  linkEvidenceSpec,
  listEvidenceSpec,
  purgeEvidenceSpec,
  reviewEvidenceSpec,
  unlinkEvidenceSpec,
  uploadEvidenceSpec,
} from "@/lib/server/api/specs/evidence";
import { listFailedJobsSpec } from "@/lib/server/api/specs/jobs";
import {
  getOscalCatalogSpec,
  getOscalMappingSpec,
  getOscalSspSpec,
} from "@/lib/server/api/specs/oscal";
import {
  getFrameworkVersionSpec,
  importFrameworkSpec,
  listFrameworksSpec,
} from "@/lib/server/api/specs/frameworks";
import {
  bulkAssignOwnerSpec,
  bulkSetDueDateSpec,
  listResponsibilitiesSpec,
  overrideResponsibilitySpec,
  updatePartSpec,
} from "@/lib/server/api/specs/responsibilities";
import {
  archiveSystemSpec,
  createSystemSpec,
  getSystemSpec,
  importSystemsSpec,
  listSystemsSpec,
  previewRederivationSpec,
  updateSystemSpec,
} from "@/lib/server/api/specs/systems";
import {
  downloadReportSpec,
  getReportSpec,
  listReportsSpec,
  startReportSpec,
} from "@/lib/server/api/specs/reports";
import {
  createVendorSpec,
  deleteVendorSpec,
  getVendorSpec,
  linkVendorSystemsSpec,
  listVendorsSpec,
  saveAssessmentSpec,
  updateVendorSpec,
} from "@/lib/server/api/specs/vendors";
import { getWorkspaceSpec } from "@/lib/server/api/specs/workspace";

/**
 * Every /api/v1 route, for the OpenAPI document. Add your specs here (one import per domain file
 * in lib/server/api/specs/). A test checks each listed path has a route handler.
 */
export const API_ROUTE_SPECS: readonly ApiRouteSpec[] = [
  getWorkspaceSpec,
  listFrameworksSpec,
  getFrameworkVersionSpec,
  importFrameworkSpec,
  listCrosswalksSpec,
  importCrosswalkSpec,
  getCrosswalkVersionSpec,
  diffCrosswalkSpec,
  listReferencesSpec,
  listEvidenceSpec,
  createEvidenceSpec,
  uploadEvidenceSpec,
  getEvidenceSpec,
  deleteEvidenceSpec,
  purgeEvidenceSpec,
  downloadEvidenceSpec,
  linkEvidenceSpec,
  unlinkEvidenceSpec,
  reviewEvidenceSpec,
  startExportSpec,
  getExportSpec,
  downloadExportSpec,
  listSystemsSpec,
  createSystemSpec,
  importSystemsSpec,
  getSystemSpec,
  updateSystemSpec,
  previewRederivationSpec,
  archiveSystemSpec,
  listResponsibilitiesSpec,
  updatePartSpec,
  overrideResponsibilitySpec,
  bulkAssignOwnerSpec,
  bulkSetDueDateSpec,
  listVendorsSpec,
  createVendorSpec,
  getVendorSpec,
  updateVendorSpec,
  deleteVendorSpec,
  linkVendorSystemsSpec,
  saveAssessmentSpec,
  getCoverageSpec,
  getReferenceCoverageSpec,
  listGapsSpec,
  startReportSpec,
  listReportsSpec,
  getReportSpec,
  downloadReportSpec,
  listFailedJobsSpec,
  getOscalSspSpec,
  getOscalCatalogSpec,
  getOscalMappingSpec,
];
