/** A parameter of the address the page was opened with (a to-do item's link names the record to open). */
export function queryParam(name: string): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get(name);
}
