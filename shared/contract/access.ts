import { z } from 'zod';
import { defineMethod } from './define.ts';

/** A QR code as qrcode computed it: `size` × `size` cells, row by row, 1 for a dark cell. */
export const qrSchema = z.object({
  size: z.number().int().min(21).max(177),
  cells: z.string().regex(/^[01]+$/),
});

/** Sharing a catalogue at a forum (`teia serve --host`). */
export const accessMethods = {
  'share-info': defineMethod({
    summary: 'The read-only link attendees can open, with its QR code, when the catalogue is shared beyond this machine.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({
      /** Null when the catalogue is not shared (the desktop, or a server on loopback). */
      readLink: z.string().url().nullable(),
      qr: qrSchema.nullable(),
    }),
  }),
};
