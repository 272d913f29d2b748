/** Small formatting helpers shared by pages (pure). */
import type { z } from 'zod';
import type { locationSchema } from '../schemas/session.ts';

type Location = z.infer<typeof locationSchema> | 'tba' | undefined;

export function formatLocation(location: Location): string | undefined {
  if (!location) return undefined;
  if (location === 'tba') return 'Place to be announced';
  return [location.name, location.city, location.region, location.country].filter(Boolean).join(', ');
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(items);
}
