/**
 * A resource for participants: `content/resources/<id>.md`. A guided meditation recording, a
 * reading, or a tool or template of the workshops. The body is the resource's text: for a
 * recording it is the transcript, which is required, so nobody depends on hearing the audio.
 */
import { z } from 'zod';
import { field, httpsUrl, idRef, languageTag, line, visibility } from './common.ts';

export const RESOURCE_KINDS = ['recording', 'reading', 'tool'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  recording: 'Guided meditation',
  reading: 'Reading',
  tool: 'Tool or template',
};

/** Largest audio file kept in the repository; larger recordings live in a bucket (see README). */
export const MAX_AUDIO_BYTES = 30 * 1024 * 1024;

const AUDIO_FILE = /^\.\/[\w./-]+\.(mp3|m4a|ogg)$/i;

export const audioSchema = z.union(
  [
    z.strictObject({
      file: field(z.string().regex(AUDIO_FILE, { message: 'file must be an audio file next to the resource, ending in .mp3, .m4a or .ogg, for example ./breathing-space.mp3' }), {
        description: 'the audio file next to this file (kept with Git LFS when large)',
        example: './breathing-space.mp3',
      }),
    }),
    z.strictObject({
      url: field(httpsUrl, {
        description: 'the address of the audio in the program’s private storage, for recordings kept outside git',
        example: 'https://media.example.org/meditations/breathing-space.mp3',
      }),
    }),
  ],
  { error: 'audio must be either { file: ./name.mp3 } for a file next to this one, or { url: https://... } for one in private storage' },
);

const DURATION = /^(\d{1,2}):([0-5]\d)$/;

export const resourceSchema = z
  .strictObject({
    kind: field(z.enum(RESOURCE_KINDS, { error: (i) => `kind must be recording, reading or tool; got ${JSON.stringify(i.input)}` }), {
      description: 'recording (a guided meditation), reading, or tool (a tool or template used in the workshops)',
      example: 'recording',
    }),
    title: field(line('the title', 160), { description: 'title of the resource', example: 'Breathing space, ten minutes' }),
    summary: field(line('the summary', 300), { description: 'one sentence on what it is and when to use it', example: 'A short guided practice for the start of the day.' }),
    module: field(idRef('module', 'systems-awareness').optional(), { description: 'id of the module it belongs to', example: 'systems-awareness' }),
    month: field(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be written YYYY-MM, for example 2026-12' }).optional(), {
      description: 'the month it is meant for, YYYY-MM, to feature it on the cohort home page that month',
      example: '2026-12',
    }),
    lang: field(languageTag.default('en'), { description: 'language of the resource (default en)', example: 'en' }),
    visibility: field(visibility.default('cohort'), {
      description: 'who may use it: cohort (default: participants and faculty), faculty, or public (never for recordings)',
      example: 'cohort',
    }),
    audio: field(audioSchema.optional(), { description: 'for a recording: where the audio is', example: '{ file: ./breathing-space.mp3 }' }),
    duration: field(z.string().regex(DURATION, { message: 'duration must be written MM:SS, for example 10:30' }).optional(), {
      description: 'for a recording: its length, MM:SS',
      example: '10:30',
    }),
    link: field(httpsUrl.optional(), { description: 'for a reading or tool kept elsewhere: its address', example: 'https://example.org/iceberg-model.pdf' }),
    file: field(
      z.string().regex(/^\.\/[\w./-]+\.(pdf|png|jpe?g|webp)$/i, { message: 'file must be a PDF or image next to this file, for example ./iceberg-template.pdf' }).optional(),
      { description: 'for a reading or tool: a PDF or image next to this file', example: './iceberg-template.pdf' },
    ),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'recording') {
      if (!r.audio) ctx.addIssue({ code: 'custom', path: ['audio'], message: 'a recording needs audio: add audio: { file: ./name.mp3 }' });
      if (!r.duration) ctx.addIssue({ code: 'custom', path: ['duration'], message: 'a recording needs its length: add duration: MM:SS, for example duration: 10:30' });
      if (r.visibility === 'public') {
        ctx.addIssue({ code: 'custom', path: ['visibility'], message: 'recordings made for the program are never public; write visibility: cohort (or faculty)' });
      }
    } else {
      if (r.audio) ctx.addIssue({ code: 'custom', path: ['audio'], message: `audio belongs to recordings; this is a ${r.kind}: remove audio, or write kind: recording` });
      if (r.duration) ctx.addIssue({ code: 'custom', path: ['duration'], message: `duration belongs to recordings; this is a ${r.kind}: remove it` });
    }
  });

export type Resource = z.infer<typeof resourceSchema>;

/** Seconds in a MM:SS duration. */
export function durationSeconds(duration: string): number {
  const m = DURATION.exec(duration);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}
