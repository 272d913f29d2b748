/**
 * npm run new [-- --participant ID --type TYPE --title "..." [--date YYYY-MM-DD] [--module ID]
 *               [--visibility faculty|cohort|public] [--session COHORT/SESSION] [--stage STAGE]
 *               [--coached-role ROLE] [--frequency TEXT] [--buddies ID,ID] [--yes]]
 *
 * Creates a new portfolio entry with every field written out and explained. Asks for what is
 * missing when run in a terminal; with all required flags given, or when not run in a terminal,
 * it asks nothing. Never overwrites a file.
 *
 * Exit status: 0 created, 1 not created (the file exists, or it was cancelled), 2 wrong usage.
 */
import { existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as p from '@clack/prompts';
import { entryFields, scaffoldEntry } from '../src/lib/scaffold.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { suggest } from '../src/lib/schema-problems.ts';
import { readContent, type ContentRecord } from '../src/lib/validate/read-content.ts';
import { SESSION_KIND_FOR_TYPE } from '../src/lib/validate/references.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { explainIsoDate, VISIBILITIES, type Visibility } from '../src/schemas/common.ts';
import { ENTRY_SCHEMAS, ENTRY_TYPE_LABELS, ENTRY_TYPES, PROJECT_STAGES, type EntryType, type ProjectStage } from '../src/schemas/portfolio-entry.ts';

const USAGE = `Usage: npm run new [-- OPTIONS]

Creates a new portfolio entry. In a terminal it asks for anything not given below.
  --participant ID        your participant id, e.g. maria-lopez (your file in content/participants/)
  --type TYPE             ${ENTRY_TYPES.join(', ')}
  --title "TEXT"          title of the entry, e.g. "What the iceberg model showed me"
  --date YYYY-MM-DD       date the entry is about (default: today)
  --module ID             module it belongs to, e.g. systems-awareness
  --visibility V          faculty (default), cohort or public
  --session ID            for workshop-reflection and call-prework, e.g. 2020-2021/module-1-workshop
  --stage S               for application-project: ${PROJECT_STAGES.join(', ')}
  --coached-role ROLE     for coaching: whom you coached, by role only, e.g. "new teacher"
  --frequency TEXT        for coaching: how often you met, e.g. "every two weeks"
  --buddies ID,ID         for buddy-checkin (default: your buddies)
  --yes                   do not ask for confirmation`;

class UsageError extends Error {}
class Cancelled extends Error {}

const VISIBILITY_HINTS: Record<Visibility, string> = {
  faculty: 'only faculty can read it (private; the default)',
  cohort: 'your cohort and faculty can read it',
  public: 'everyone can read it on the public site; needs publicProfile: true in your participant file',
};

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function str(record: ContentRecord | undefined, key: string): string | undefined {
  const v = record?.data[key];
  return typeof v === 'string' ? v : undefined;
}

function strings(record: ContentRecord | undefined, key: string): string[] {
  const v = record?.data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function oneOf<T extends string>(what: string, flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const close = suggest(value, allowed);
  throw new UsageError(`--${flag} "${value}" is not a ${what}${close ? `; did you mean ${close}?` : ''}. Choose one of: ${allowed.join(', ')}`);
}

function checkTitle(title: string): string | undefined {
  const result = ENTRY_SCHEMAS.reflection.shape.title.safeParse(title);
  return result.success ? undefined : `${result.error.issues[0]?.message ?? 'invalid title'}, for example "What the iceberg model showed me"`;
}

function fieldCheck(type: EntryType, name: string, value: unknown): string | undefined {
  const shape = ENTRY_SCHEMAS[type].shape as Record<string, { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }>;
  const rule = shape[name];
  if (!rule) return undefined;
  const result = rule.safeParse(value);
  return result.success ? undefined : (result.error?.issues[0]?.message ?? `invalid ${name}`);
}

async function ask<T>(prompt: Promise<T>): Promise<Exclude<T, symbol>> {
  const value = await prompt;
  if (p.isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        participant: { type: 'string' },
        type: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        module: { type: 'string' },
        visibility: { type: 'string' },
        session: { type: 'string' },
        stage: { type: 'string' },
        'coached-role': { type: 'string' },
        frequency: { type: 'string' },
        buddies: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const flags = parsed.values;
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const root = process.cwd();
  if (!existsSync(join(root, 'content'))) throw new UsageError(`there is no content/ folder in ${root}; run this from the project folder`);
  const { records } = readContent(root, { gate: false });
  const of = (collection: string) => records.filter((r) => r.collection === collection);
  const participants = of('participants').sort((a, b) => a.id.localeCompare(b.id));
  const modules = of('modules').sort((a, b) => Number(a.data['number'] ?? 0) - Number(b.data['number'] ?? 0) || a.id.localeCompare(b.id));
  const sessions = of('sessions').sort((a, b) => a.id.localeCompare(b.id));
  if (participants.length === 0) {
    throw new UsageError('there are no participants yet: add your file to content/participants/ first (for example content/participants/maria-lopez.yaml)');
  }

  // what each entry type needs beyond participant, type and title
  const needs = (type: EntryType | undefined): string[] => {
    switch (type) {
      case 'workshop-reflection':
      case 'call-prework':
        return flags.session ? [] : ['session'];
      case 'application-project':
        return flags.stage ? [] : ['stage'];
      case 'coaching':
        return [...(flags['coached-role'] ? [] : ['coached-role']), ...(flags.frequency ? [] : ['frequency'])];
      default:
        return [];
    }
  };
  const givenType = flags.type === undefined ? undefined : oneOf<EntryType>('type of entry', 'type', flags.type, ENTRY_TYPES);
  const missing = [...(flags.participant ? [] : ['participant']), ...(givenType ? [] : ['type']), ...(flags.title ? [] : ['title']), ...needs(givenType)];
  const interactive = missing.length > 0 && process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (missing.length > 0 && !interactive) {
    throw new UsageError(`not run in a terminal, so every required value must be given as a flag; missing: ${missing.map((m) => `--${m}`).join(', ')}`);
  }

  if (interactive) p.intro('New portfolio entry');

  // participant
  let participantId = flags.participant;
  if (participantId === undefined) {
    const options = participants.map((r) => ({
      value: r.id,
      label: `${str(r, 'name') ?? r.id} (${r.id})`,
      hint: `cohort ${str(r, 'cohort') ?? '?'}${r.demo ? ', demo' : ''}`,
    }));
    participantId = await ask(
      options.length > 12
        ? p.autocomplete({ message: 'Whose portfolio is it? Type to search', options, maxItems: 10 })
        : p.select({ message: 'Whose portfolio is it?', options }),
    );
  }
  const participant = participants.find((r) => r.id === participantId);
  if (!participant) {
    const close = suggest(participantId, participants.map((r) => r.id));
    throw new UsageError(
      `--participant "${participantId}" is not a participant: there is no file content/participants/${participantId}.yaml${close ? `; did you mean ${close}?` : ''}. Known participants: ${participants
        .slice(0, 12)
        .map((r) => r.id)
        .join(', ')}${participants.length > 12 ? ', …' : ''}`,
    );
  }
  const cohort = str(participant, 'cohort');

  // type
  const type: EntryType =
    givenType ??
    (await ask(
      p.select({
        message: 'What kind of entry?',
        options: ENTRY_TYPES.map((t) => ({ value: t, label: ENTRY_TYPE_LABELS[t], hint: t })),
      }),
    ));

  // title
  let title = flags.title;
  if (title === undefined) {
    title = await ask(p.text({ message: 'Title', placeholder: 'What the iceberg model showed me', validate: (v) => checkTitle(v ?? '') }));
  } else {
    const problem = checkTitle(title);
    if (problem) throw new UsageError(`--title: ${problem}`);
  }
  title = title.trim();

  // date
  let date = flags.date;
  if (date === undefined && interactive) {
    date = await ask(
      p.text({ message: 'Date the entry is about (YYYY-MM-DD)', defaultValue: today(), placeholder: today(), validate: (v) => (v ? explainIsoDate(v) : undefined) }),
    );
  }
  date ??= today();
  const dateProblem = explainIsoDate(date);
  if (dateProblem) throw new UsageError(`--date: ${dateProblem}`);

  // module
  let module = flags.module;
  if (module !== undefined && !modules.some((m) => m.id === module)) {
    const close = suggest(module, modules.map((m) => m.id));
    throw new UsageError(`--module "${module}" is not a module: there is no file content/modules/${module}.md${close ? `; did you mean ${close}?` : ''}. Modules: ${modules.map((m) => m.id).join(', ')}`);
  }
  if (module === undefined && interactive && modules.length > 0) {
    const none = '';
    const chosen = await ask(
      p.select({
        message: 'Which module does it belong to?',
        options: [...modules.map((m) => ({ value: m.id, label: str(m, 'title') ?? m.id, hint: m.id })), { value: none, label: 'none / not sure' }],
      }),
    );
    module = chosen === none ? undefined : chosen;
  }

  // session
  let session = flags.session;
  const wantedKind = SESSION_KIND_FOR_TYPE[type];
  const fitting = sessions.filter((s) => (!cohort || s.id.startsWith(`${cohort}/`)) && (!wantedKind || s.data['kind'] === wantedKind));
  if (wantedKind) {
    if (session === undefined) {
      if (fitting.length === 0) {
        throw new UsageError(
          `a ${ENTRY_TYPE_LABELS[type].toLowerCase()} names a ${wantedKind} of cohort ${cohort ?? '?'}, but there is none in content/sessions/${cohort ?? '<cohort>'}/ yet; ask the coordinator to add it, or choose the type reflection`,
        );
      }
      session = await ask(
        p.select({
          message: `Which ${wantedKind}?`,
          options: fitting.map((s) => ({ value: s.id, label: str(s, 'title') ?? s.id, hint: s.id })),
        }),
      );
    } else if (!fitting.some((s) => s.id === session)) {
      const close = suggest(session, fitting.map((s) => s.id));
      throw new UsageError(
        `--session "${session}" is not a ${wantedKind} of cohort ${cohort ?? '?'}${close ? `; did you mean ${close}?` : ''}. Choose one of: ${fitting.map((s) => s.id).join(', ') || 'none yet'}`,
      );
    }
  }

  // stage
  let stage: ProjectStage | undefined = flags.stage === undefined ? undefined : oneOf<ProjectStage>('project stage', 'stage', flags.stage, PROJECT_STAGES);
  if (type === 'application-project' && stage === undefined) {
    stage = await ask(p.select({ message: 'Which stage of the project?', options: PROJECT_STAGES.map((s) => ({ value: s, label: s })) }));
  }

  // fields of particular types
  const fields: Record<string, unknown> = {};
  if (type === 'coaching') {
    const describe = (name: string) => entryFields(type).find((f) => f.name === name);
    for (const [name, flag] of [['coachedRole', 'coached-role'], ['frequency', 'frequency']] as const) {
      let value = flags[flag];
      if (value === undefined) {
        const meta = describe(name);
        value = await ask(p.text({ message: meta?.description ?? name, placeholder: meta?.example ?? '', validate: (v) => fieldCheck(type, name, v ?? '') }));
      }
      const problem = fieldCheck(type, name, value);
      if (problem) throw new UsageError(`--${flag}: ${problem}`);
      fields[name] = value.trim();
    }
  }
  if (type === 'buddy-checkin') {
    const own = strings(participant, 'buddies');
    let buddies = flags.buddies?.split(',').map((b) => b.trim()).filter(Boolean);
    if (buddies === undefined && interactive) {
      const candidates = participants.filter((r) => r.id !== participant.id && (own.includes(r.id) || str(r, 'cohort') === cohort));
      if (candidates.length > 0) {
        buddies = await ask(
          p.multiselect({
            message: 'Whom did you check in with?',
            options: candidates.map((r) => ({ value: r.id, label: str(r, 'name') ?? r.id, hint: own.includes(r.id) ? 'your buddy' : r.id })),
            initialValues: own.filter((b) => candidates.some((c) => c.id === b)),
            required: true,
          }),
        );
      }
    }
    buddies ??= own;
    if (buddies.length === 0) {
      throw new UsageError(`${participant.file} lists no buddies; give them with --buddies, for example --buddies jonas-berg`);
    }
    const unknown = buddies.filter((b) => !participants.some((r) => r.id === b));
    if (unknown.length) throw new UsageError(`--buddies: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a participant' : 'are not participants'}; use participant ids, for example jonas-berg`);
    fields['buddies'] = buddies;
  }

  // visibility
  let visibility: Visibility | undefined = flags.visibility === undefined ? undefined : oneOf<Visibility>('visibility', 'visibility', flags.visibility, VISIBILITIES);
  const consents = participant.data['publicProfile'] === true;
  if (visibility === undefined && interactive) {
    visibility = await ask(
      p.select({
        message: 'Who may read it?',
        initialValue: 'faculty' as Visibility,
        options: (['faculty', 'cohort', 'public'] as const).map((v) => ({
          value: v,
          label: v,
          hint: v === 'public' && !consents ? `${VISIBILITY_HINTS.public} (${participant.file} does not have it)` : VISIBILITY_HINTS[v],
          disabled: v === 'public' && !consents,
        })),
      }),
    );
  }
  visibility ??= 'faculty';
  if (visibility === 'public' && !consents) {
    throw new UsageError(
      `--visibility public needs consent: ${participant.file} does not say publicProfile: true. Set it there if ${participant.id} agreed to a public profile, or use --visibility cohort or faculty`,
    );
  }

  const entry = scaffoldEntry({ participant: participant.id, demo: participant.demo, type, title, date, module, visibility, session, stage, fields });
  const target = join(root, entry.path);
  const taken = () => {
    process.stderr.write(
      `${entry.path} already exists, so nothing was written. Choose another title (for example "${title} (part 2)"), or open that file and add to it.\n`,
    );
    return 1;
  };
  if (existsSync(target) || lstatExists(target)) return taken();

  if (interactive && !flags.yes) {
    p.note(`${entry.path}\n${ENTRY_TYPE_LABELS[type]}, ${date}, visibility ${visibility}`, 'About to create');
    const ok = await ask(p.confirm({ message: 'Create this file?', initialValue: true }));
    if (!ok) throw new Cancelled();
  }

  mkdirSync(dirname(target), { recursive: true });
  try {
    writeFileSync(target, entry.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return taken();
    throw error;
  }

  const check = validateContent(root, { paths: [entry.path], gate: true });
  const done = `Created ${entry.path}\nOpen it, write your entry under the headings, then check it with: npm run validate -- ${entry.path}`;
  if (interactive) p.outro(done);
  else process.stdout.write(`${done}\n`);
  if (check.problems.length) {
    process.stderr.write(`The new file has problems to fix:\n${check.problems.map(formatProblem).join('\n')}\n`);
  }
  return 0;
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`new: ${error.message}\n\nRun npm run new -- --help for the options.\n`);
      process.exitCode = 2;
    } else if (error instanceof Cancelled) {
      p.cancel('Cancelled; nothing was written.');
      process.exitCode = 1;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`new: internal error: ${message.split('\n')[0]}. This is a bug in the scaffolder, not in your content; please report it.\n`);
      process.exitCode = 3;
    }
  },
);
