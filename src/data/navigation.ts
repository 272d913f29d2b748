/** The site's menu for the build's audience. */
import { audience } from './build.ts';

export interface NavItem {
  label: string;
  path: string;
}

export function mainNavigation(): NavItem[] {
  const items: NavItem[] = [
    { label: 'Program', path: '/program/overview/' },
    { label: 'Modules', path: '/modules/' },
    { label: 'Schedule', path: '/schedule/' },
    { label: 'Faculty', path: '/faculty/' },
    { label: 'Participants', path: '/participants/' },
    { label: 'Trainers', path: '/trainers/' },
  ];
  if (audience.kind === 'public') items.push({ label: 'Apply', path: '/apply/' });
  if (audience.kind !== 'public') {
    items.push({ label: 'Browse portfolios', path: '/browse/' });
    items.push({ label: 'Write an entry', path: '/compose/' });
    items.push({ label: 'Resources', path: '/resources/' });
  }
  if (audience.kind === 'faculty') items.push({ label: 'Dashboard', path: '/dashboard/' }, { label: 'Coordinator', path: '/coordinator/' });
  return items;
}
