/**
 * The CLD rows a council's aftercare records produce for a reporting period: one row per event (request,
 * assessment, service, review), each carrying the person's details. Pure; the caller reads the case files.
 *
 * What counts as each event, for s117 aftercare (see docs/interoperability.md):
 * - Request: the duty's start in the period (the person leaves hospital and the council must provide aftercare).
 * - Assessment: a care plan agreed in the period (the s117 needs assessment that the plan records).
 * - Service: a service of the duty in force for any day of the period that the council pays for, wholly or in part.
 * - Review: a care plan review held in the period.
 */
import type { CaseFile, Duty, Service } from '../../case-file/schema.ts';
import * as layout from './layout.ts';
import type { CldRow } from './layout.ts';

export interface CldOptions {
  /** The council's GSS code (LA_Code), matched against the code of each duty's council. */
  councilCode: string;
  /** The reporting period, both dates inclusive (e.g. a quarter 2026-07-01 to 2026-09-30). */
  period: { start: string; end: string };
}
export interface CldExtract {
  rows: CldRow[];
  /** Records that could have been rows and were not, with the reason, so that a reviewer sees every gap. */
  left: { personId: string; recordId: string; reason: string }[];
}

const inPeriod = (date: string | undefined, p: CldOptions['period']) => date !== undefined && p.start <= date && date <= p.end;
/** Half-open [start, end) overlaps the inclusive period. */
const overlaps = (start: string, end: string | undefined, p: CldOptions['period']) => start <= p.end && (end === undefined || end > p.start);
const pounds = (pence: number) => (pence / 100).toFixed(2);
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/i;

/** CLD is a collection from English councils with social services functions. */
export function isCldCouncilCode(code: string): boolean {
  return /^E(06|08|09|10)\d{6}$/.test(code);
}

export function cldExtract(files: readonly CaseFile[], options: CldOptions): CldExtract {
  if (!isCldCouncilCode(options.councilCode)) throw new RangeError(`${options.councilCode} is not the GSS code of an English council with social services functions`);
  if (options.period.end < options.period.start) throw new RangeError(`the reporting period ends (${options.period.end}) before it starts (${options.period.start})`);
  const rows: CldRow[] = [];
  const left: CldExtract['left'] = [];
  for (const file of files) {
    const councilIds = new Set(file.organisations.filter((o) => o.code === options.councilCode).map((o) => o.id));
    const duties = file.duties.filter((d) => councilIds.has(d.localAuthorityId));
    for (const duty of duties) rows.push(...dutyRows(file, duty, options, left));
  }
  rows.sort((a, b) =>
    a.LA_Person_Unique_Identifier.localeCompare(b.LA_Person_Unique_Identifier) || a.Event_Start_Date.localeCompare(b.Event_Start_Date) || a.Event_Reference.localeCompare(b.Event_Reference),
  );
  return { rows, left };
}

function personColumns(file: CaseFile, options: CldOptions): CldRow {
  const person = file.person;
  const residence = file.residences.filter((r) => overlaps(r.from, r.to, { start: options.period.end, end: options.period.end })).at(-1);
  const postcode = [...(person.address ?? [])].reverse().map((line) => POSTCODE.exec(line)?.[1]).find((p) => p !== undefined);
  const blank = Object.fromEntries(layout.cldColumns.map((c) => [c, ''])) as CldRow;
  return {
    ...blank,
    LA_Code: options.councilCode,
    Reporting_Period_Start_Date: options.period.start,
    Reporting_Period_End_Date: options.period.end,
    LA_Person_Unique_Identifier: person.id,
    NHS_Number: person.nhsNumber ?? '',
    Date_of_Birth: person.dateOfBirth ?? '',
    Date_of_Death: person.dateOfDeath ?? '',
    Postcode: postcode?.toUpperCase() ?? '',
    Client_Type: layout.CLIENT_TYPE_SERVICE_USER,
    Primary_Support_Reason: layout.S117_PRIMARY_SUPPORT_REASON,
    Accommodation_Status: (residence && layout.accommodationStatuses[residence.kind]) ?? '',
  };
}

function dutyRows(file: CaseFile, duty: Duty, options: CldOptions, left: CldExtract['left']): CldRow[] {
  const base = personColumns(file, options);
  const event = (type: keyof typeof layout.cldEventTypes, reference: string, start: string, end: string, more: Partial<CldRow> = {}): CldRow => ({
    ...base,
    Event_Type: layout.cldEventTypes[type],
    Event_Reference: `${file.person.id}/${reference}`,
    Event_Start_Date: start,
    Event_End_Date: end,
    ...more,
  });
  const rows: CldRow[] = [];
  const services = file.services.filter((s) => s.dutyId === duty.id);

  if (inPeriod(duty.start, options.period)) {
    rows.push(event('request', `${duty.id}/request`, duty.start, duty.start, { Request_Route_of_Access: layout.REQUEST_ROUTE_HOSPITAL_DISCHARGE, Event_Outcome: 'Progress to Assessment' }));
  }
  for (const plan of file.carePlans.filter((p) => p.dutyId === duty.id)) {
    if (plan.agreedOn && inPeriod(plan.agreedOn, options.period)) {
      const outcome = services.length > 0 ? layout.ASSESSMENT_OUTCOME_SUPPORT : layout.ASSESSMENT_OUTCOME_NO_SERVICES;
      rows.push(event('assessment', `${plan.id}/assessment`, plan.agreedOn, plan.agreedOn, { Assessment_Type: layout.ASSESSMENT_TYPE_S117, Event_Outcome: outcome }));
    }
    for (const reviewed of (plan.reviewedOn ?? []).filter((d) => inPeriod(d, options.period))) {
      rows.push(event('review', `${plan.id}/review/${reviewed}`, reviewed, reviewed, { Review_Reason: layout.REVIEW_REASON_PLANNED }));
    }
  }
  for (const service of services) {
    const row = serviceRow(file, duty, service, options, left);
    if (row) rows.push(event('service', service.id, row.start, service.end ?? '', row.columns));
  }
  return rows;
}

function serviceRow(file: CaseFile, duty: Duty, service: Service, options: CldOptions, left: CldExtract['left']) {
  const start = service.start ?? duty.start;
  const skip = (reason: string) => (left.push({ personId: file.person.id, recordId: service.id, reason }), undefined);
  if (service.status === 'planned' || !overlaps(start, service.end, options.period)) return undefined;
  const funding = (service.funding ?? []).filter((f) => overlaps(f.from, f.to, options.period));
  if (funding.length > 0 && funding.every((f) => f.localAuthorityPercent === 0)) return skip('funded wholly by the health body in the period: not a council service');
  const status = !service.aftercare
    ? ''
    : funding.length === 0
      ? layout.fundingStatuses.notRecorded
      : funding.every((f) => f.localAuthorityPercent === 100)
        ? layout.fundingStatuses.council
        : layout.fundingStatuses.joint;
  if (service.aftercare && funding.length === 0) left.push({ personId: file.person.id, recordId: service.id, reason: 'no funding split recorded: exported as fully council funded' });
  const directPayment = file.paymentOffers.some((o) => o.dutyId === duty.id && o.kind === 'direct_payment' && o.response === 'accepted' && (o.respondedOn ?? o.offeredOn) <= options.period.end);
  const category = layout.serviceCategories[service.kind];
  return {
    start,
    columns: {
      Client_Funding_Status: status,
      Service_Type: category.serviceType,
      Service_Component: category.component,
      Delivery_Mechanism: directPayment ? layout.DELIVERY_DIRECT_PAYMENT : layout.DELIVERY_COMMISSIONED,
      Unit_Cost: service.weeklyCostPence === undefined ? '' : pounds(service.weeklyCostPence),
      Cost_Frequency_Unit_Type: service.weeklyCostPence === undefined ? '' : layout.COST_FREQUENCY_WEEKLY,
      Planned_Units_Per_Week: service.weeklyCostPence === undefined ? '' : '1',
    } satisfies Partial<CldRow>,
  };
}
