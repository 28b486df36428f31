import { describe, expect, it } from 'vitest';
import { EditHistory, type Change, type Direction } from '../../../renderer/src/components/edit-history.ts';

/** A backend whose saves answer only when the test lets them: the order they arrive in is recorded. */
function slowBackend() {
  const log: string[] = [];
  const waiting: Array<{ resolve(ok: boolean): void; what: string }> = [];
  const value = new Map<number, unknown>();
  const persist = (change: Change, direction: Direction) =>
    new Promise<boolean>((resolve) => {
      const row = change.updates[0];
      const values = direction === 'undo' ? row.before : row.after;
      const what = `${direction} ${row.id}=${String(values.v)}`;
      log.push(`start ${what}`);
      waiting.push({
        what,
        resolve: (ok) => {
          if (ok) value.set(row.id, values.v);
          log.push(`${ok ? 'saved' : 'failed'} ${what}`);
          resolve(ok);
        },
      });
    });
  /** Lets the oldest save answer, once it has been sent. */
  async function answer(ok = true) {
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 0));
    waiting.shift()!.resolve(ok);
    await new Promise((r) => setTimeout(r, 0));
  }
  return { log, persist, answer, value, waiting };
}

const edit = (id: number, before: unknown, after: unknown): Change => ({ updates: [{ id, before: { v: before }, after: { v: after } }], created: [] });

describe('EditHistory', () => {
  it('has an edit in its history before the save returns, and undoes it once the save has landed', async () => {
    const backend = slowBackend();
    const history = new EditHistory(backend.persist);
    const saving = history.record(edit(1, 'a', 'b'));
    expect(history.canUndo).toBe(true);
    const undoing = history.undo();
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(true);
    // The undo is not sent while the edit's save is in flight.
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.log).toEqual(['start do 1=b']);
    await backend.answer();
    await backend.answer();
    expect(await saving).toBe(true);
    expect(await undoing).toBe(true);
    expect(backend.log).toEqual(['start do 1=b', 'saved do 1=b', 'start undo 1=a', 'saved undo 1=a']);
    expect(backend.value.get(1)).toBe('a');
    expect(history.busy).toBe(false);
  });

  it('runs the saves of one grid in the order they were made', async () => {
    const backend = slowBackend();
    const history = new EditHistory(backend.persist);
    void history.record(edit(1, 'a', 'b'));
    void history.record(edit(1, 'b', 'c'));
    void history.record(edit(2, 'x', 'y'));
    expect(history.isWaiting(1)).toBe(true);
    for (let i = 0; i < 3; i += 1) await backend.answer();
    await history.idle();
    expect(backend.log.filter((l) => l.startsWith('saved'))).toEqual(['saved do 1=b', 'saved do 1=c', 'saved do 2=y']);
    expect(backend.value.get(1)).toBe('c');
    expect(history.isWaiting(1)).toBe(false);
  });

  it('forgets an edit whose save failed, and an undo queued behind it sends nothing', async () => {
    const backend = slowBackend();
    const history = new EditHistory(backend.persist);
    const saving = history.record(edit(1, 'a', 'b'));
    const undoing = history.undo();
    await backend.answer(false);
    expect(await saving).toBe(false);
    expect(await undoing).toBe(false);
    expect(backend.log).toEqual(['start do 1=b', 'failed do 1=b']);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
  });

  it('keeps an edit undoable when its undo could not be saved', async () => {
    const backend = slowBackend();
    const history = new EditHistory(backend.persist);
    void history.record(edit(1, 'a', 'b'));
    await backend.answer();
    const undoing = history.undo();
    await backend.answer(false);
    expect(await undoing).toBe(false);
    expect(history.canUndo).toBe(true);
    expect(history.canRedo).toBe(false);
  });

  it('redoes after an undo, and a new edit clears what could be redone', async () => {
    const backend = slowBackend();
    const history = new EditHistory(backend.persist);
    void history.record(edit(1, 'a', 'b'));
    void history.undo();
    void history.redo();
    for (let i = 0; i < 3; i += 1) await backend.answer();
    expect(backend.value.get(1)).toBe('b');
    void history.undo();
    await backend.answer();
    expect(history.canRedo).toBe(true);
    void history.record(edit(2, 'x', 'y'));
    expect(history.canRedo).toBe(false);
    await backend.answer();
    await history.idle();
  });

  it('lets later steps follow a row that was added again under a new id', () => {
    const history = new EditHistory(async () => true);
    const paste: Change = { updates: [], created: [{ id: 7, fields: { v: 'n' } }] };
    void history.record(paste);
    void history.record(edit(7, 'n', 'm'));
    history.renameRow(7, 9);
    expect(paste.created[0].id).toBe(9);
    expect(history.peekUndo()?.updates[0].id).toBe(9);
  });
});
