import type { Migration } from './types.ts';

/**
 * The bottleneck register (knelpunten) as cases (zaakgericht werken): each bottleneck has an identifier
 * per year (KNP-2027-0007), a dated status history with who and why, a log of actions and generic links
 * to what it concerns. Nothing is ever deleted (Archiefwet): a bottleneck ends as opgelost or vervallen
 * and may be archived; a link is removed by dating its removal; log entries are never changed.
 * A status change has the date it took effect (as the head states it, possibly earlier) and the
 * moment it was recorded; the history is in recording order.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'bottlenecks',
  sql: `
    CREATE TABLE bottleneck (
      id INTEGER PRIMARY KEY,
      identifier TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL CHECK (category IN ('budget', 'formatie', 'verzuim', 'werkproces', 'ict', 'samenwerking', 'opdrachtnemer')),
      impact TEXT NOT NULL DEFAULT 'middel' CHECK (impact IN ('laag', 'middel', 'hoog')),
      urgency TEXT NOT NULL DEFAULT 'middel' CHECK (urgency IN ('laag', 'middel', 'hoog')),
      signalled_on TEXT NOT NULL,
      owner TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_behandeling', 'geescaleerd', 'opgelost', 'vervallen')),
      proposed_solution TEXT NOT NULL DEFAULT '',
      decision TEXT NOT NULL DEFAULT '',
      decision_date TEXT,
      escalated_to TEXT CHECK (escalated_to IS NULL OR escalated_to IN ('directeur', 'hr', 'financien', 'afdeling')),
      escalated_department TEXT,
      confidentiality TEXT NOT NULL DEFAULT 'intern' CHECK (confidentiality IN ('openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
      result TEXT CHECK (result IS NULL OR result IN ('opgelost', 'vervallen')),
      end_date TEXT,
      archived_at TEXT,
      content_hash TEXT NOT NULL,
      import_batch_id INTEGER REFERENCES import_batch (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status IN ('opgelost', 'vervallen')) = (result IS NOT NULL)),
      CHECK (status <> 'geescaleerd' OR escalated_to IS NOT NULL)
    );
    CREATE INDEX bottleneck_status ON bottleneck (status, category);
    CREATE INDEX bottleneck_hash ON bottleneck (content_hash);

    CREATE TABLE bottleneck_status_change (
      id INTEGER PRIMARY KEY,
      bottleneck_id INTEGER NOT NULL REFERENCES bottleneck (id),
      from_status TEXT,
      to_status TEXT NOT NULL,
      effective_date TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      reason TEXT NOT NULL,
      escalated_to TEXT,
      escalated_department TEXT
    );
    CREATE INDEX bottleneck_status_change_case ON bottleneck_status_change (bottleneck_id, id);

    CREATE TABLE bottleneck_action (
      id INTEGER PRIMARY KEY,
      bottleneck_id INTEGER NOT NULL REFERENCES bottleneck (id),
      date TEXT NOT NULL,
      text TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX bottleneck_action_case ON bottleneck_action (bottleneck_id, date);

    CREATE TABLE bottleneck_link (
      id INTEGER PRIMARY KEY,
      bottleneck_id INTEGER NOT NULL REFERENCES bottleneck (id),
      link_type TEXT NOT NULL CHECK (link_type IN ('budget_line', 'employee', 'formation_position', 'external_hire', 'department')),
      link_key TEXT NOT NULL,
      relation TEXT CHECK (relation IS NULL OR relation IN ('hangt_af_van', 'raakt')),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      removed_at TEXT
    );
    CREATE INDEX bottleneck_link_case ON bottleneck_link (bottleneck_id);
    CREATE INDEX bottleneck_link_target ON bottleneck_link (link_type, link_key);
  `,
};
