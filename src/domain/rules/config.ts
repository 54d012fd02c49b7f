/**
 * The rules engine's configuration: policy switches from `../shared/domain/s117-rules.md` and the alert
 * thresholds of `../shared/domain/alert-rules.md`, with the catalogue's defaults. One object per deployment.
 */
import type { CivilDate } from '../calendar/civil-date.ts';

export interface RulesConfig {
  /** U-03: does CTO recall/revocation or conditional-discharge recall end the duty? Default `continuing_order`. */
  recallPolicy: 'continuing_order' | 'worcestershire_strict';
  /** LA-03A: commencement of the MHA 2025 s117 deeming provision; null = not in force. */
  mha2025DeemingFrom: CivilDate | null;
  thresholds: {
    noAllocatedWorkerWorkingDays: number; // 5
    noContactDays: number; // 90
    noAftercarePlanDays: number; // 7
    planReviewMonths: number; // 12
    assessedNeedUnmetDays: number; // 28
    unsettledAccommodationDays: number; // 28
    personalBudgetNotOfferedDays: number; // 28
    panelRejectionNoAlternativeDays: number; // 28
    placementRefusalsCount: number; // 3
    placementRefusalsWindowDays: number; // 90
    decisionCommunicatedWorkingDays: number; // 5
    premiseFailedWorkingDays: number; // 10
    appointmentOutcomeWorkingDays: number; // 2
    meetingRecordedWorkingDays: number; // 2
    writtenReasonsWorkingDays: number; // 10
    complaintAcknowledgeWorkingDays: number; // 3
    complaintResponseMonths: number; // 6
    disputeReferralMonths: number; // 4
    remedyDefaultMonths: number; // 1
    serviceImprovementRemedyMonths: number; // 3
    evidenceNotSentWorkingDays: number; // 10
  };
}

export const defaultRulesConfig: RulesConfig = Object.freeze({
  recallPolicy: 'continuing_order',
  mha2025DeemingFrom: null,
  thresholds: Object.freeze({
    noAllocatedWorkerWorkingDays: 5,
    noContactDays: 90,
    noAftercarePlanDays: 7,
    planReviewMonths: 12,
    assessedNeedUnmetDays: 28,
    unsettledAccommodationDays: 28,
    personalBudgetNotOfferedDays: 28,
    panelRejectionNoAlternativeDays: 28,
    placementRefusalsCount: 3,
    placementRefusalsWindowDays: 90,
    decisionCommunicatedWorkingDays: 5,
    premiseFailedWorkingDays: 10,
    appointmentOutcomeWorkingDays: 2,
    meetingRecordedWorkingDays: 2,
    writtenReasonsWorkingDays: 10,
    complaintAcknowledgeWorkingDays: 3,
    complaintResponseMonths: 6,
    disputeReferralMonths: 4,
    remedyDefaultMonths: 1,
    serviceImprovementRemedyMonths: 3,
    evidenceNotSentWorkingDays: 10,
  }),
}) as RulesConfig;
