/**
 * The coordinator's forms on the faculty site: their addresses and names, and the link from a
 * to-do item to the form that resolves it. The to-do page, the forms' pages and the guide read
 * this one list.
 */
import type { TodoAction } from './todo.ts';

export const COORDINATOR_FORMS = [
  { id: 'cycle', title: 'Open a new cycle', summary: 'A new yearly cycle from the previous one: dates a year on, deadline, cost and calls carried over for editing.' },
  { id: 'session', title: 'Add or edit a session', summary: 'A workshop or a call: local time and zone, length, place or platform, theme, pre-work and speakers, or “to be announced”.' },
  { id: 'enrol', title: 'Enrol a participant', summary: 'A participant’s profile: cohort, site, role, buddies, git handle and their consent to a public profile (default no).' },
  { id: 'attendance', title: 'Record attendance', summary: 'Who was at one session, as a checklist of its cohort, with the reason for each absence.' },
  { id: 'approval', title: 'Record a project approval step', summary: 'An application project reviewed before the year, or finalised after the first workshop.' },
  { id: 'release', title: 'Release a decision', summary: 'Tell a participant the panel’s decision; a certified decision’s credential is issued on release.' },
  { id: 'revoke', title: 'Revoke a credential', summary: 'Withdraw a certified trainer’s credential from a date, with the reason (kept on the faculty site).' },
] as const;

export type CoordinatorFormId = (typeof COORDINATOR_FORMS)[number]['id'];

/** The coordinator's home on the faculty site: the to-do list and the forms. */
export const COORDINATOR_HOME = '/coordinator/';
export const COORDINATOR_GUIDE = '/coordinator/guide/';

export function formPath(id: CoordinatorFormId): string {
  return `${COORDINATOR_HOME}${id}/`;
}

/** Where the guide describes a form: its heading's id (the heading is the form's title). */
export function guideAnchor(id: CoordinatorFormId): string {
  return formTitle(id).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function formTitle(id: CoordinatorFormId): string {
  return COORDINATOR_FORMS.find((f) => f.id === id)?.title ?? id;
}

/** The site path (with its query) of the form that resolves a to-do item. */
export function actionPath(action: TodoAction): string {
  const query = new URLSearchParams(action.params).toString();
  switch (action.form) {
    case 'assess':
      return `/evidence/${encodeURIComponent(action.params['participant'] ?? '')}/assess/`;
    case 'compose':
      return `/compose/?${query}`;
    default:
      return `${formPath(action.form)}${query ? `?${query}` : ''}`;
  }
}
