/**
 * Every alert rule of the catalogue (`../shared/domain/alert-rules.md`), in the catalogue's order.
 */
import type { AlertRule } from './types.ts';
import { entitlementNotRegistered } from './register/entitlement-not-registered.ts';
import { dutyWithoutQualifyingDetention } from './register/duty-without-qualifying-detention.ts';
import { responsibleAuthorityMismatch } from './register/responsible-authority-mismatch.ts';
import { responsibleHealthBodyMismatch } from './register/responsible-health-body-mismatch.ts';
import { disputeLeavesNobodyProviding } from './register/dispute-leaves-nobody-providing.ts';
import { disputeNotReferred } from './register/dispute-not-referred.ts';
import { noAllocatedWorker } from './planning/no-allocated-worker.ts';
import { noContactWithPerson } from './planning/no-contact-with-person.ts';
import { noAftercarePlan } from './planning/no-aftercare-plan.ts';
import { planReviewOverdue } from './planning/plan-review-overdue.ts';
import { assessedNeedUnmet } from './planning/assessed-need-unmet.ts';
import { unsettledAccommodation } from './planning/unsettled-accommodation.ts';
import { accommodationClassificationUnclear } from './money/accommodation-classification-unclear.ts';
import { aftercareCharged } from './money/aftercare-charged.ts';
import { aftercareRentCharged } from './money/aftercare-rent-charged.ts';
import { topUpWithoutChoice } from './money/top-up-without-choice.ts';
import { personalBudgetNotOffered } from './money/personal-budget-not-offered.ts';
import { declinedOfferNotRevisited } from './money/declined-offer-not-revisited.ts';
import { panelRejectionNoAlternative } from './placement/panel-rejection-no-alternative.ts';
import { panelRepeatRejection } from './placement/panel-repeat-rejection.ts';
import { panelDecisionWithoutReasons } from './placement/panel-decision-without-reasons.ts';
import { placementRefusalsUnresolved } from './placement/placement-refusals-unresolved.ts';
import { decisionNotCommunicated } from './communication/decision-not-communicated.ts';
import { decisionNotSharedWithRepresentative } from './communication/decision-not-shared-with-representative.ts';
import { communicationArrangementStale } from './communication/communication-arrangement-stale.ts';
import { appointmentOutcomeMissing } from './coordination/appointment-outcome-missing.ts';
import { meetingNotRecorded } from './coordination/meeting-not-recorded.ts';
import { actionOverdue } from './coordination/action-overdue.ts';
import { endedWithoutJointDecision } from './ending/ended-without-joint-decision.ts';
import { endedOnImproperGrounds } from './ending/ended-on-improper-grounds.ts';
import { endedDuringCto } from './ending/ended-during-cto.ts';
import { endedWithoutInvolvingPerson } from './ending/ended-without-involving-person.ts';
import { complaintNotAcknowledged } from './complaints/complaint-not-acknowledged.ts';
import { complaintResponseOverdue } from './complaints/complaint-response-overdue.ts';
import { complaintPointsUnanswered } from './complaints/complaint-points-unanswered.ts';
import { ombudsmanRemedyOverdue } from './complaints/ombudsman-remedy-overdue.ts';
import { ombudsmanEvidenceNotSent } from './complaints/ombudsman-evidence-not-sent.ts';

export const alertRules: readonly AlertRule[] = Object.freeze([
  entitlementNotRegistered,
  dutyWithoutQualifyingDetention,
  responsibleAuthorityMismatch,
  responsibleHealthBodyMismatch,
  disputeLeavesNobodyProviding,
  disputeNotReferred,
  noAllocatedWorker,
  noContactWithPerson,
  noAftercarePlan,
  planReviewOverdue,
  assessedNeedUnmet,
  unsettledAccommodation,
  accommodationClassificationUnclear,
  aftercareCharged,
  aftercareRentCharged,
  topUpWithoutChoice,
  personalBudgetNotOffered,
  declinedOfferNotRevisited,
  panelRejectionNoAlternative,
  panelRepeatRejection,
  panelDecisionWithoutReasons,
  placementRefusalsUnresolved,
  decisionNotCommunicated,
  decisionNotSharedWithRepresentative,
  communicationArrangementStale,
  appointmentOutcomeMissing,
  meetingNotRecorded,
  actionOverdue,
  endedWithoutJointDecision,
  endedOnImproperGrounds,
  endedDuringCto,
  endedWithoutInvolvingPerson,
  complaintNotAcknowledged,
  complaintResponseOverdue,
  complaintPointsUnanswered,
  ombudsmanRemedyOverdue,
  ombudsmanEvidenceNotSent,
]);
