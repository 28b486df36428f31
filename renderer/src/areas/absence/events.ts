const EVENT = 'werkboek:absence-changed';

/** Tells whoever shows absence data elsewhere on screen (the opening notice) that cases or steps changed. */
export function announceAbsenceChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onAbsenceChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
