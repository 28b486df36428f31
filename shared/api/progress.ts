/** Progress of a long job, sent on the single event channel (IPC event or SSE). */
export interface ProgressEvent {
  jobId: string;
  method: string;
  /** Dutch label of the current phase, e.g. "Regels verwerken". */
  phase: string;
  /** Bytes or steps done; with `total` null the UI shows an indeterminate bar. */
  done: number | null;
  total: number | null;
  /** Rows (or packages, or items) handled so far, for the label. */
  count?: number;
  finished?: boolean;
}
