import type { z } from 'zod';

/**
 * One API method: a zod schema for its input and a phantom type for its output.
 * The output is only a type because the backend produces it; the input is checked at runtime
 * because it crosses a trust boundary (renderer → backend).
 */
export interface MethodDef<I extends z.ZodType, O> {
  readonly input: I;
  /** Never read at runtime: carries the output type. */
  readonly _output?: O;
  /** Long jobs report progress on the event channel. */
  readonly longRunning?: boolean;
  /** Methods that change the workbook are refused on a read-only workbook. */
  readonly mutates?: boolean;
}

export function method<I extends z.ZodType>(input: I, options: { longRunning?: boolean; mutates?: boolean } = {}) {
  return {
    returns<O>(): MethodDef<I, O> {
      return { input, ...options };
    },
  };
}

export type AnyMethod = MethodDef<z.ZodType, unknown>;
export type Contract = Record<string, AnyMethod>;

export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;
