/**
 * The chronology and journey pages of a person's case: the MoJ timeline filtered by type, date and text
 * (printable; a PDF and the case file JSON to download for a bundle), and the journey picture with its text
 * table and what the law says. Every route declares its permission and its case audit.
 */
import type { FastifyInstance } from 'fastify';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { RegisterService } from '../register/service.ts';
import { formatCivilDate } from '../register/view-shaping/format.ts';
import { alertRows, ruleName, severityTags } from '../alerts/view-shaping.ts';
import { listedFromStored } from '../alerts/service.ts';
import { alertsPaths } from '../alerts/paths.ts';
import { chronologyTypeLabels, type ChronologyType } from './build-chronology.ts';
import { filterChronology, type ChronologyQuery } from './filters.ts';
import { chronologyPaths, chronologyRoutes } from './paths.ts';
import { chronologyPdf } from './pdf-bundle.ts';
import { casePageFrame } from './person-frame.ts';
import { lawDutyViews } from './law-summary.ts';
import type { ChronologyService } from './service.ts';

type Params = { Params: { personId: string }; Querystring: Record<string, string | string[] | undefined> };

function parseQuery(raw: Record<string, string | string[] | undefined>): ChronologyQuery {
  const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []) as string[];
  const types = list(raw.type).filter((t): t is ChronologyType => t in chronologyTypeLabels);
  const date = (v: unknown) => (typeof v === 'string' && isCivilDate(v) ? v : undefined);
  const text = typeof raw.q === 'string' ? raw.q.slice(0, 100) : undefined;
  return { types, from: date(raw.from), to: date(raw.to), text };
}

function describeQuery(query: ChronologyQuery): string {
  const parts = [
    query.types.length ? `types: ${query.types.map((t) => chronologyTypeLabels[t]).join(', ')}` : '',
    query.from ? `from ${formatCivilDate(query.from)}` : '',
    query.to ? `to ${formatCivilDate(query.to)}` : '',
    query.text ? `containing “${query.text}”` : '',
  ].filter(Boolean);
  return parts.length ? `Filtered by ${parts.join(', ')}.` : 'Every entry.';
}

export function registerChronologyRoutes(app: FastifyInstance, services: { chronology: ChronologyService; register: RegisterService }): void {
  const { chronology, register } = services;

  app.get<Params>(chronologyRoutes.chronology, { config: { permission: 'case:read', audit: 'case.view' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { personId } = request.params;
    const frame = await casePageFrame(register, ctx, personId, 'chronology');
    const { entries } = await chronology.chronology(ctx, personId);
    const query = parseQuery(request.query);
    const shown = filterChronology(entries, query);
    const search = new URLSearchParams();
    for (const t of query.types) search.append('type', t);
    if (query.from) search.set('from', query.from);
    if (query.to) search.set('to', query.to);
    if (query.text) search.set('q', query.text);
    return reply.view('chronology/views/chronology.njk', {
      ...frame,
      sectionTitle: 'Chronology',
      query,
      description: describeQuery(query),
      total: entries.length,
      typeItems: (Object.entries(chronologyTypeLabels) as [ChronologyType, string][]).map(([value, text]) => ({ value, text, checked: query.types.includes(value) })),
      entries: shown.map((entry) => ({ ...entry, typeLabel: chronologyTypeLabels[entry.type], dateText: entry.date ? formatCivilDate(entry.date) : 'Undated' })),
      action: chronologyPaths.chronology(personId),
      pdfHref: `${chronologyPaths.pdf(personId)}${search.size ? `?${search}` : ''}`,
      caseFileHref: chronologyPaths.caseFile(personId),
    });
  });

  app.get<Params>(chronologyRoutes.pdf, { config: { permission: 'case:read', audit: 'case.view' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { personId } = request.params;
    const { file, entries } = await chronology.chronology(ctx, personId);
    const query = parseQuery(request.query);
    const pdf = await chronologyPdf({
      personName: `${file.person.givenName} ${file.person.familyName}`,
      personId,
      madeOn: todayInLondon(ctx.now),
      filters: describeQuery(query),
      entries: filterChronology(entries, query),
    });
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="chronology-${personId}.pdf"`).send(pdf);
  });

  app.get<Params>(chronologyRoutes.caseFile, { config: { permission: 'case:read', audit: 'case.export' } }, async (request, reply) => {
    const file = await chronology.caseFileForBundle(serviceContext(request), request.params.personId);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="case-file-${request.params.personId}.json"`)
      .send(JSON.stringify(file, null, 2));
  });

  app.get<Params>(chronologyRoutes.journey, { config: { permission: 'case:read', audit: 'case.view' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { personId } = request.params;
    const frame = await casePageFrame(register, ctx, personId, 'journey');
    const journey = await chronology.journey(ctx, personId);
    return reply.view('chronology/views/journey.njk', {
      ...frame,
      sectionTitle: 'Journey',
      picture: journey.picture,
      facts: journey.facts.map((fact) => ({ ...fact, fromText: formatCivilDate(fact.from), toText: fact.to ? formatCivilDate(fact.to) : 'continuing' })),
      asOf: journey.evaluation.asOf,
      lawDuties: lawDutyViews(journey.file, journey.evaluation),
      caseFlags: journey.evaluation.flags,
      alerts: alertRows(journey.currentAlerts.map((row) => listedFromStored(row, false)), () => alertsPaths.person(personId)).map((row) => ({ ...row, rule: ruleName(row.ruleId) })),
      severityTags,
      alertsHref: alertsPaths.person(personId),
    });
  });
}
