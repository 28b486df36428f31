import { z } from 'zod';
import { PERIOD_PATTERN } from '../domain/period.ts';
import { fileSourceSchema } from './files.ts';

/** Reusable input pieces, with Dutch messages because they reach the user. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum moet de vorm jjjj-mm-dd hebben');
export const centsSchema = z.number().int('Bedrag moet in hele centen zijn').refine((n) => Math.abs(n) < 1e15, 'Bedrag is te groot');
export const yearSchema = z.number().int().min(1990, 'Jaar moet na 1990 liggen').max(2200, 'Jaar is te ver in de toekomst');
export const periodSchema = z.string().regex(PERIOD_PATTERN, 'Periode moet jjjj, jjjj-Qn of jjjj-mm zijn');
export const codeSchema = z
  .string()
  .trim()
  .min(1, 'Code ontbreekt')
  .max(20, 'Code is te lang')
  .regex(/^[A-Za-z0-9._-]+$/, 'Code mag alleen letters, cijfers, punt, streep en liggend streepje bevatten')
  .transform((s) => s.toUpperCase());
export const nonEmpty = (label: string, max = 200) => z.string().trim().min(1, `${label} ontbreekt`).max(max, `${label} is te lang (max. ${max} tekens)`);
export const emptyInput = z.object({}).strict();

/** A file to read: a path (command line only), a dialog's token (desktop app) or uploaded bytes (browser preview). See files.ts. */
export const importSourceSchema = fileSourceSchema;
