import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import type { BottleneckPatch } from '../../../shared/api/bottlenecks.ts';
import {
  CATEGORY_LABELS,
  ESCALATION_LABELS,
  formatIdentifier,
  IDENTIFIER_PATTERN,
  isClosed,
  priority,
  STATUS_LABELS,
  TRANSITIONS,
  canTransition,
} from '../../../shared/domain/bottlenecks/rules.ts';
import {
  CATEGORIES,
  STATUSES,
  type BottleneckCategory,
  type Bottleneck,
  type BottleneckCounts,
  type BottleneckDetail,
  type BottleneckLink,
  type BottleneckRow,
  type BottleneckStatus,
  type Confidentiality,
  type EscalationTarget,
  type Level,
  type LinkRelation,
  type LinkType,
} from '../../../shared/domain/bottlenecks/types.ts';
import { assignmentLinkLabel } from '../assignments/service.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import type { BottleneckTable } from './tables.ts';

type Row = Selectable<BottleneckTable>;

export function today(): string {
  return nowIso().slice(0, 10);
}

/** Recognises the same bottleneck in a re-imported list without identifiers. */
export function contentHash(title: string, category: string, signalledOn: string): string {
  const normalised = `${title.trim().toLowerCase().replace(/\s+/g, ' ')}|${category}|${signalledOn}`;
  return crypto.createHash('sha256').update(normalised).digest('hex');
}

function toRow(r: Row): BottleneckRow {
  return {
    id: r.id,
    identifier: r.identifier,
    title: r.title,
    category: r.category,
    impact: r.impact,
    urgency: r.urgency,
    priority: priority(r.impact, r.urgency),
    signalledOn: r.signalled_on,
    owner: r.owner,
    status: r.status,
    escalatedTo: r.escalated_to,
    escalatedDepartment: r.escalated_department,
    confidentiality: r.confidentiality,
    result: r.result,
    endDate: r.end_date,
    decisionDate: r.decision_date,
    archived: r.archived_at !== null,
    updatedAt: r.updated_at,
  };
}

function toBottleneck(r: Row): Bottleneck {
  return { ...toRow(r), description: r.description, proposedSolution: r.proposed_solution, decision: r.decision, archivedAt: r.archived_at, createdAt: r.created_at };
}

function requireRow(wb: Workbook, id: number): Row {
  const row = wb.first(wb.db.selectFrom('bottleneck').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `Knelpunt ${id} bestaat niet.`);
  return row;
}

export interface BottleneckFilter {
  status?: BottleneckStatus[];
  category?: BottleneckCategory[];
  includeArchived?: boolean;
}

export function listBottlenecks(wb: Workbook, filter: BottleneckFilter = {}): BottleneckRow[] {
  let query = wb.db.selectFrom('bottleneck').selectAll();
  if (filter.status && filter.status.length > 0) query = query.where('status', 'in', filter.status);
  if (filter.category && filter.category.length > 0) query = query.where('category', 'in', filter.category);
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  return wb.all(query.orderBy('signalled_on', 'desc').orderBy('identifier', 'desc')).map(toRow);
}

export function countBottlenecks(wb: Workbook): BottleneckCounts {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as BottleneckCounts['byStatus'];
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as BottleneckCounts['byCategory'];
  const rows = wb.all(
    wb.db
      .selectFrom('bottleneck')
      .select(['status', 'category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('archived_at', 'is', null)
      .groupBy(['status', 'category']),
  );
  for (const row of rows) {
    byStatus[row.status] += Number(row.n);
    byCategory[row.category] += Number(row.n);
  }
  return { byStatus, byCategory };
}

function linkLabel(wb: Workbook, type: LinkType, key: string): string | null {
  // external_hire links name an assignment of the register (by code, or by the id of a former external hire).
  if (type === 'external_hire') return assignmentLinkLabel(wb, key);
  if (type !== 'budget_line') return null;
  const line = wb.first(wb.db.selectFrom('budget_line').select(['year', 'cost_centre', 'account', 'account_name']).where('id', '=', Number(key)));
  return line ? `${line.cost_centre} / ${line.account}${line.account_name ? ` ${line.account_name}` : ''} (${line.year})` : null;
}

export function getBottleneck(wb: Workbook, id: number): BottleneckDetail {
  const row = requireRow(wb, id);
  const history = wb
    .all(wb.db.selectFrom('bottleneck_status_change').selectAll().where('bottleneck_id', '=', id).orderBy('id'))
    .map((h) => ({
      id: h.id,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      date: h.effective_date,
      at: h.at,
      actor: h.actor,
      reason: h.reason,
      escalatedTo: h.escalated_to,
      escalatedDepartment: h.escalated_department,
    }));
  const actions = wb
    .all(wb.db.selectFrom('bottleneck_action').selectAll().where('bottleneck_id', '=', id).orderBy('date').orderBy('id'))
    .map((a) => ({ id: a.id, date: a.date, text: a.text, actor: a.actor, createdAt: a.created_at }));
  const links: BottleneckLink[] = wb
    .all(wb.db.selectFrom('bottleneck_link').selectAll().where('bottleneck_id', '=', id).orderBy('id'))
    .map((l) => ({
      id: l.id,
      linkType: l.link_type,
      linkKey: l.link_key,
      relation: l.relation,
      note: l.note,
      label: linkLabel(wb, l.link_type, l.link_key),
      createdAt: l.created_at,
      removedAt: l.removed_at,
    }));
  return { ...toBottleneck(row), history, actions, links, allowedTransitions: [...TRANSITIONS[row.status]] };
}

/** The next free number of the year: identifiers are never reused, also not after archiving. */
function nextIdentifier(wb: Workbook, year: number): string {
  const rows = wb.all(wb.db.selectFrom('bottleneck').select('identifier').where('identifier', 'like', `KNP-${year}-%`));
  let max = 0;
  for (const { identifier } of rows) {
    const match = IDENTIFIER_PATTERN.exec(identifier);
    if (match) max = Math.max(max, Number(match[2]));
  }
  return formatIdentifier(year, max + 1);
}

export interface NewBottleneck {
  title: string;
  category: BottleneckCategory;
  description?: string;
  impact?: Level;
  urgency?: Level;
  signalledOn?: string;
  owner?: string;
  proposedSolution?: string;
  decision?: string;
  decisionDate?: string | null;
  confidentiality?: Confidentiality;
}

export interface ImportedState {
  identifier?: string;
  status: BottleneckStatus;
  escalatedTo: EscalationTarget | null;
  escalatedDepartment: string | null;
  endDate: string | null;
  batchId: number;
  reason: string;
}

/**
 * Inserts a case with its first status-history row. The UI always starts at "open"; an import may
 * bring a list kept in Excel with its own statuses and identifiers (see the bottleneck importer).
 */
export function insertBottleneck(wb: Workbook, input: NewBottleneck, imported?: ImportedState): number {
  const now = nowIso();
  const signalledOn = input.signalledOn ?? now.slice(0, 10);
  const status = imported?.status ?? 'open';
  const identifier = imported?.identifier ?? nextIdentifier(wb, Number(signalledOn.slice(0, 4)));
  const closed = isClosed(status);
  const values = {
    identifier,
    title: input.title.trim(),
    description: input.description ?? '',
    category: input.category,
    impact: input.impact ?? 'middel',
    urgency: input.urgency ?? 'middel',
    signalled_on: signalledOn,
    owner: input.owner ?? '',
    status,
    proposed_solution: input.proposedSolution ?? '',
    decision: input.decision ?? '',
    decision_date: input.decisionDate ?? null,
    escalated_to: imported?.escalatedTo ?? null,
    escalated_department: imported?.escalatedDepartment ?? null,
    confidentiality: input.confidentiality ?? 'intern',
    result: closed ? (status as 'opgelost' | 'vervallen') : null,
    end_date: closed ? (imported?.endDate ?? input.decisionDate ?? now.slice(0, 10)) : null,
    archived_at: null,
    content_hash: contentHash(input.title, input.category, signalledOn),
    import_batch_id: imported?.batchId ?? null,
    created_at: now,
    updated_at: now,
  };
  return wb.tx(() => {
    const id = Number(wb.run(wb.db.insertInto('bottleneck').values(values)).lastInsertRowid);
    wb.run(
      wb.db.insertInto('bottleneck_status_change').values({
        bottleneck_id: id,
        from_status: null,
        to_status: status,
        effective_date: closed ? values.end_date! : signalledOn,
        at: now,
        actor: wb.actor,
        reason: imported?.reason ?? 'Knelpunt gesignaleerd',
        escalated_to: values.escalated_to,
        escalated_department: values.escalated_department,
      }),
    );
    wb.audit({ action: 'insert', table: 'bottleneck', rowId: id, new: values, note: imported ? imported.reason : undefined });
    return id;
  });
}

export function createBottleneck(wb: Workbook, input: NewBottleneck): BottleneckDetail {
  return getBottleneck(wb, insertBottleneck(wb, input));
}

const patchColumns: Record<keyof BottleneckPatch, keyof Row> = {
  title: 'title',
  description: 'description',
  category: 'category',
  impact: 'impact',
  urgency: 'urgency',
  signalledOn: 'signalled_on',
  owner: 'owner',
  proposedSolution: 'proposed_solution',
  decision: 'decision',
  decisionDate: 'decision_date',
  confidentiality: 'confidentiality',
};

export function updateBottleneck(wb: Workbook, id: number, patch: Partial<BottleneckPatch>): BottleneckDetail {
  const current = requireRow(wb, id);
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const column = patchColumns[key as keyof BottleneckPatch];
    if (!column || value === undefined || current[column] === value) continue;
    old[column] = current[column];
    changes[column] = value;
  }
  if (Object.keys(changes).length === 0) return getBottleneck(wb, id);
  if (current.status === 'opgelost' && 'decision' in changes && String(changes.decision).trim() === '') {
    throw new ApiError('invalid_input', `${current.identifier} is opgelost; het besluit kan niet leeg worden gemaakt.`);
  }
  const next = { ...current, ...changes } as Row;
  const hash = contentHash(next.title, next.category, next.signalled_on);
  wb.tx(() => {
    wb.run(
      wb.db
        .updateTable('bottleneck')
        .set({ ...changes, content_hash: hash, updated_at: nowIso() } as never)
        .where('id', '=', id),
    );
    wb.audit({ action: 'update', table: 'bottleneck', rowId: id, old, new: changes });
  });
  return getBottleneck(wb, id);
}

export interface StatusChangeInput {
  id: number;
  status: BottleneckStatus;
  reason: string;
  escalatedTo?: EscalationTarget;
  escalatedDepartment?: string;
  decision?: string;
  decisionDate?: string;
  date?: string;
}

export function changeStatus(wb: Workbook, input: StatusChangeInput): BottleneckDetail {
  const current = requireRow(wb, input.id);
  const from = current.status;
  const to = input.status;
  const name = `${current.identifier} (${STATUS_LABELS[from].toLowerCase()})`;
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from].map((s) => STATUS_LABELS[s].toLowerCase()).join(', ');
    throw new ApiError('conflict', `${name} kan niet naar "${STATUS_LABELS[to].toLowerCase()}". Mogelijk: ${allowed}.`);
  }
  const date = input.date ?? today();
  const changes: Partial<Row> = { status: to };
  let escalatedTo: EscalationTarget | null = null;
  let escalatedDepartment: string | null = null;

  if (to === 'geescaleerd') {
    if (!input.escalatedTo) throw new ApiError('invalid_input', `Geef aan naar wie ${current.identifier} wordt geëscaleerd (directeur, HR, financiën of een andere afdeling).`);
    escalatedTo = input.escalatedTo;
    if (escalatedTo === 'afdeling') {
      if (!input.escalatedDepartment) throw new ApiError('invalid_input', `Geef de code van de afdeling waarnaar ${current.identifier} wordt geëscaleerd.`);
      if (input.escalatedDepartment === wb.meta.department_code) throw new ApiError('invalid_input', `Escaleren naar de eigen afdeling (${input.escalatedDepartment}) kan niet.`);
      escalatedDepartment = input.escalatedDepartment;
    }
    if (from === 'geescaleerd' && current.escalated_to === escalatedTo && current.escalated_department === escalatedDepartment) {
      throw new ApiError('conflict', `${current.identifier} is al geëscaleerd naar ${ESCALATION_LABELS[escalatedTo].toLowerCase()}${escalatedDepartment ? ` ${escalatedDepartment}` : ''}.`);
    }
    changes.escalated_to = escalatedTo;
    changes.escalated_department = escalatedDepartment;
  }

  if (to === 'opgelost') {
    const decision = (input.decision ?? current.decision).trim();
    if (!decision) throw new ApiError('invalid_input', `Leg vast welk besluit of welke oplossing ${current.identifier} oplost.`);
    changes.decision = decision;
    changes.decision_date = input.decisionDate ?? current.decision_date ?? date;
  } else if (input.decision !== undefined && input.decision.trim()) {
    changes.decision = input.decision.trim();
    if (input.decisionDate) changes.decision_date = input.decisionDate;
  }

  if (isClosed(to)) {
    changes.result = to as 'opgelost' | 'vervallen';
    changes.end_date = date;
  } else if (isClosed(from)) {
    // Reopened: the history keeps the earlier end and result.
    changes.result = null;
    changes.end_date = null;
    changes.archived_at = null;
  }

  const old: Record<string, unknown> = {};
  for (const key of Object.keys(changes) as Array<keyof Row>) old[key] = current[key];
  wb.tx(() => {
    wb.run(
      wb.db
        .updateTable('bottleneck')
        .set({ ...changes, updated_at: nowIso() } as never)
        .where('id', '=', input.id),
    );
    wb.run(
      wb.db.insertInto('bottleneck_status_change').values({
        bottleneck_id: input.id,
        from_status: from,
        to_status: to,
        effective_date: date,
        at: nowIso(),
        actor: wb.actor,
        reason: input.reason,
        escalated_to: escalatedTo,
        escalated_department: escalatedDepartment,
      }),
    );
    wb.audit({ action: 'update', table: 'bottleneck', rowId: input.id, old, new: changes, note: `Status ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}: ${input.reason}` });
  });
  return getBottleneck(wb, input.id);
}

export function addAction(wb: Workbook, id: number, date: string, text: string): BottleneckDetail {
  requireRow(wb, id);
  const values = { bottleneck_id: id, date, text: text.trim(), actor: wb.actor, created_at: nowIso() };
  wb.tx(() => {
    const actionId = Number(wb.run(wb.db.insertInto('bottleneck_action').values(values)).lastInsertRowid);
    wb.run(wb.db.updateTable('bottleneck').set({ updated_at: nowIso() }).where('id', '=', id));
    wb.audit({ action: 'insert', table: 'bottleneck_action', rowId: actionId, new: values });
  });
  return getBottleneck(wb, id);
}

const PERSONNEL_NUMBER = /^[A-Za-z0-9._-]{1,20}$/;

function normaliseLinkKey(wb: Workbook, type: LinkType, key: string): string {
  const trimmed = key.trim();
  switch (type) {
    case 'budget_line': {
      const id = Number(trimmed);
      if (!Number.isInteger(id) || !wb.first(wb.db.selectFrom('budget_line').select('id').where('id', '=', id))) {
        throw new ApiError('not_found', `Begrotingsregel ${trimmed} bestaat niet.`);
      }
      return String(id);
    }
    case 'employee':
      // Personnel numbers only: a name never goes into a link.
      if (!PERSONNEL_NUMBER.test(trimmed)) throw new ApiError('invalid_input', `"${trimmed}" is geen personeelsnummer: gebruik alleen letters, cijfers, punt of streepje (geen naam).`);
      return trimmed.toUpperCase();
    case 'department':
      if (!PERSONNEL_NUMBER.test(trimmed)) throw new ApiError('invalid_input', `"${trimmed}" is geen afdelingscode.`);
      if (trimmed.toUpperCase() === wb.meta.department_code) throw new ApiError('invalid_input', `${trimmed.toUpperCase()} is de eigen afdeling.`);
      return trimmed.toUpperCase();
    default:
      return trimmed;
  }
}

export function addLink(wb: Workbook, input: { id: number; linkType: LinkType; linkKey: string; relation: LinkRelation | null; note: string }): BottleneckDetail {
  const row = requireRow(wb, input.id);
  const key = normaliseLinkKey(wb, input.linkType, input.linkKey);
  const relation = input.linkType === 'department' ? (input.relation ?? 'raakt') : null;
  const existing = wb.first(
    wb.db
      .selectFrom('bottleneck_link')
      .select('id')
      .where('bottleneck_id', '=', input.id)
      .where('link_type', '=', input.linkType)
      .where('link_key', '=', key)
      .where('removed_at', 'is', null),
  );
  if (existing) throw new ApiError('conflict', `${row.identifier} verwijst al naar ${key}.`);
  const values = { bottleneck_id: input.id, link_type: input.linkType, link_key: key, relation, note: input.note, created_at: nowIso(), removed_at: null };
  wb.tx(() => {
    const linkId = Number(wb.run(wb.db.insertInto('bottleneck_link').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'bottleneck_link', rowId: linkId, new: values });
  });
  return getBottleneck(wb, input.id);
}

export function removeLink(wb: Workbook, id: number, linkId: number): BottleneckDetail {
  const link = wb.first(wb.db.selectFrom('bottleneck_link').selectAll().where('id', '=', linkId).where('bottleneck_id', '=', id));
  if (!link) throw new ApiError('not_found', `Verwijzing ${linkId} hoort niet bij knelpunt ${id}.`);
  if (link.removed_at) return getBottleneck(wb, id);
  const removedAt = nowIso();
  wb.tx(() => {
    wb.run(wb.db.updateTable('bottleneck_link').set({ removed_at: removedAt }).where('id', '=', linkId));
    wb.audit({ action: 'update', table: 'bottleneck_link', rowId: linkId, old: { removed_at: null }, new: { removed_at: removedAt } });
  });
  return getBottleneck(wb, id);
}

export function archiveBottleneck(wb: Workbook, id: number, archived: boolean): BottleneckDetail {
  const row = requireRow(wb, id);
  if (archived && !isClosed(row.status)) {
    throw new ApiError('conflict', `${row.identifier} loopt nog (${STATUS_LABELS[row.status].toLowerCase()}); alleen een opgelost of vervallen knelpunt kan worden gearchiveerd.`);
  }
  const value = archived ? nowIso() : null;
  if ((row.archived_at !== null) === archived) return getBottleneck(wb, id);
  wb.tx(() => {
    wb.run(wb.db.updateTable('bottleneck').set({ archived_at: value, updated_at: nowIso() }).where('id', '=', id));
    wb.audit({ action: archived ? 'update' : 'restore', table: 'bottleneck', rowId: id, old: { archived_at: row.archived_at }, new: { archived_at: value } });
  });
  return getBottleneck(wb, id);
}

/**
 * Removes a bottleneck that was added by mistake (the undo of a paste that added it). Only one that
 * nothing happened to since: no status change, action or link; anything else stays on record.
 */
export function removeNewBottleneck(wb: Workbook, id: number): void {
  const row = requireRow(wb, id);
  const history = wb.first(
    wb.db
      .selectNoFrom((eb) => [
        eb.selectFrom('bottleneck_status_change').select((e) => e.fn.countAll<number>().as('n')).where('bottleneck_id', '=', id).as('changes'),
        eb.selectFrom('bottleneck_action').select((e) => e.fn.countAll<number>().as('n')).where('bottleneck_id', '=', id).as('actions'),
        eb.selectFrom('bottleneck_link').select((e) => e.fn.countAll<number>().as('n')).where('bottleneck_id', '=', id).as('links'),
      ]),
  )!;
  if (Number(history.changes) > 1 || Number(history.actions) > 0 || Number(history.links) > 0) {
    throw new ApiError('conflict', `${row.identifier} heeft intussen een statuswijziging, actie of koppeling en blijft daarom staan.`);
  }
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('bottleneck_status_change').where('bottleneck_id', '=', id));
    wb.run(wb.db.deleteFrom('bottleneck').where('id', '=', id));
    wb.audit({ action: 'delete', table: 'bottleneck', rowId: id, old: row });
  });
}

/** Lookups for the importer: identifier → id and content hash → id. */
export function findByIdentifier(wb: Workbook, identifier: string): number | undefined {
  return wb.first(wb.db.selectFrom('bottleneck').select('id').where('identifier', '=', identifier))?.id;
}

export function findByHash(wb: Workbook, hash: string): number | undefined {
  return wb.first(wb.db.selectFrom('bottleneck').select('id').where('content_hash', '=', hash))?.id;
}

