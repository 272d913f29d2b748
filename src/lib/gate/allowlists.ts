/**
 * What participant-written Markdown may contain. Modelled on GitHub's sanitizer, narrowed where a
 * portfolio does not need more: no class or style (nothing can imitate the site's own interface),
 * no id or name (nothing can clobber the page's globals), no data-* (nothing can steer search).
 */

/** HTML elements allowed in participant content. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

/** Attributes allowed on any allowed element. */
const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'title'];

/** Attributes allowed on particular elements. */
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  details: ['open'],
  p: ['align'],
  div: ['align'],
  h1: ['align'], h2: ['align'], h3: ['align'], h4: ['align'], h5: ['align'], h6: ['align'],
};

/** Attributes whose value is a URL and must pass the URL rule. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

export function isAllowedAttribute(element: string, attribute: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(attribute) || (ELEMENT_ATTRIBUTES[element]?.includes(attribute) ?? false);
}

/** Why an element is refused, in words an author understands. */
export function elementAdvice(element: string): string {
  switch (element) {
    case 'script':
      return 'scripts cannot run in a portfolio; describe the idea in words or link to it';
    case 'style':
      return 'styles are set by the site; use Markdown emphasis (*text*, **text**) instead';
    case 'iframe':
    case 'object':
    case 'embed':
      return 'embedded pages are not allowed; for a video use <Video provider="youtube" id="..."/> in an .mdx entry, or link to it';
    case 'form':
    case 'input':
    case 'button':
    case 'select':
    case 'textarea':
      return 'forms are not allowed in a portfolio; link to the form instead';
    case 'base':
    case 'meta':
    case 'link':
      return 'page-level tags are not allowed; remove it';
    case 'svg':
    case 'math':
      return 'inline SVG and MathML are not allowed; attach the drawing as an image file instead';
    default:
      return 'use Markdown for formatting instead';
  }
}

/** Why an attribute is refused, in words an author understands. */
export function attributeAdvice(attribute: string): string {
  if (attribute.startsWith('on')) return 'event handlers run script and are never allowed; remove it';
  if (attribute === 'style' || attribute === 'class') return 'the site sets the look of every page; use Markdown emphasis instead';
  if (attribute === 'id' || attribute === 'name') return 'it could clash with the page\'s own names; remove it (headings get their own anchors)';
  if (attribute.startsWith('data-pagefind')) return 'search settings come from your frontmatter, not from HTML; remove it';
  if (attribute.startsWith('data-')) return 'data attributes are not allowed; remove it';
  return 'remove it';
}

/** URL schemes a link or image may use. Relative paths and #anchors are allowed too. */
export const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['https', 'http', 'mailto']);

/** Characters a browser drops from a URL before reading its scheme: whitespace, controls, invisible marks. */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Check a URL the way a browser would read it: entities already decoded by the parser, then
 * whitespace and control characters removed (browsers ignore them inside a scheme).
 * Returns the refused scheme, or undefined when the URL is allowed.
 */
export function refusedScheme(url: string): string | undefined {
  const squashed = url.replace(IGNORED_IN_URL, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(squashed);
  if (!m) {
    // a colon before any slash, question mark or hash still makes a scheme to some parsers
    const colon = squashed.indexOf(':');
    const stop = squashed.search(/[/\\?#]/);
    if (colon > 0 && (stop === -1 || colon < stop)) return squashed.slice(0, colon).toLowerCase();
    return undefined;
  }
  const scheme = (m[1] ?? '').toLowerCase();
  return ALLOWED_SCHEMES.has(scheme) ? undefined : scheme;
}

/**
 * Does the URL point at another site? Read as a browser reads it: whitespace and controls
 * dropped, a backslash taken as a slash (`\\host/x.png` and `/\\host/x.png` are `//host/x.png`).
 */
export function isRemoteUrl(url: string): boolean {
  const squashed = url.replace(IGNORED_IN_URL, '').replace(/\\/g, '/');
  return /^[a-z][a-z0-9+.-]*:/i.test(squashed) || squashed.startsWith('//');
}

/** Image files a participant may show; the same list the Figure component accepts. */
const IMAGE_FILE = /\.(png|jpe?g|webp|gif)$/i;

/**
 * Why a local image path is refused, or undefined when it is a plain image file in the entry's
 * own folder. The build imports local images, so anything else (a script, a `?raw` import, a file
 * in another participant's folder via `..`) must never get that far.
 */
export function refusedLocalImage(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url);
  } catch {
    return 'the address has a broken %-escape';
  }
  if (/[?#\\]/.test(path) || /[?#\\]/.test(url)) return 'the address may not contain ?, # or \\';
  if (path.startsWith('/')) return 'the address must be relative to the entry, such as ./photo.jpg';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'the image must be in your own portfolio folder, and paths with .. are not allowed';
  // the bundler loads what an image address names, so it must name one plain file next to the entry
  const names = segments[0] === '.' ? segments.slice(1) : segments;
  if (names.length !== 1) return 'the image must be directly next to the entry, not in a sub-folder';
  if (!names.every((s) => /^[\p{L}\p{N}][\p{L}\p{N} _.()-]*$/u.test(s))) {
    return 'file names may contain letters, digits, spaces, - and _ only';
  }
  if (!IMAGE_FILE.test(path)) return 'it must be an image file ending in .png, .jpg, .jpeg, .webp or .gif';
  return undefined;
}

/** A literal attribute of an allowed component, with the check its value must pass. */
export interface ComponentAttribute {
  required?: boolean;
  /** Returns a problem description, or undefined when the value is fine. */
  check?: (value: string) => string | undefined;
  /** Is this attribute a URL (then the URL rule applies too)? */
  url?: boolean;
}

export interface ComponentSpec {
  description: string;
  attributes: Record<string, ComponentAttribute>;
  /** May it wrap Markdown content? */
  children: boolean;
}

const oneOf = (values: readonly string[]) => (v: string) => (values.includes(v) ? undefined : `must be one of ${values.join(', ')}`);

/** Components a participant may use in an .mdx entry. */
export const PORTFOLIO_COMPONENTS: Record<string, ComponentSpec> = {
  Figure: {
    // the image inside is written in Markdown (![alt](./photo.jpg)), so it is checked by the image
    // rules and optimised by astro:assets like any other image of the entry
    description: 'an image with a caption: <Figure caption="...">![description](./photo.jpg)</Figure>',
    attributes: {
      caption: { required: true, check: (v) => (v.trim() ? undefined : 'write the caption shown under the image') },
    },
    children: true,
  },
  Callout: {
    description: 'a highlighted note',
    attributes: { tone: { check: oneOf(['note', 'tip', 'important']) }, title: {} },
    children: true,
  },
  Quote: {
    description: 'a quotation with its source',
    attributes: { source: {} },
    children: true,
  },
  Video: {
    description: 'a YouTube or Vimeo video, shown as a link card',
    attributes: {
      provider: { required: true, check: oneOf(['youtube', 'vimeo']) },
      id: { required: true, check: (v) => (/^[\w-]{6,20}$/.test(v) ? undefined : 'must be the video id only, such as dQw4w9WgXcQ, not the whole address') },
      title: { required: true },
    },
    children: false,
  },
};

/** Components staff may use in program pages: the participant set plus page furniture. */
export const PROGRAM_COMPONENTS: Record<string, ComponentSpec> = {
  ...PORTFOLIO_COMPONENTS,
  Facts: { description: 'the cohort facts box (dates, cost, deadline)', attributes: { cohort: { required: true } }, children: false },
  ModuleList: { description: 'the modules with each cohort’s workshop dates', attributes: { cohort: {} }, children: false },
  FacultyList: { description: 'the faculty grouped by role', attributes: {}, children: false },
  ApplyStatus: { description: 'whether applications are open, from the cohort deadline', attributes: { cohort: { required: true } }, children: false },
};
