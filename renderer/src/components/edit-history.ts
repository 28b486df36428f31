/**
 * The undo history of one grid, and the queue its saves run in. Pure (no React, no AG Grid), so the
 * order of saves and undos can be tested without a browser.
 *
 * An edit enters the history the moment it is made, before its save returns: Ctrl+Z pressed while
 * the save is in flight undoes it. Saves, undos and redos of one grid run strictly one after another,
 * so an undo of a pending edit is sent once that edit has landed, never before it.
 */

/** One row changed in place: the values of its changed fields before and after. */
export interface RowChange {
  id: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** Rows a change added: the id it got when saved (null until then) and the fields to add it again on redo. */
export interface CreatedRow {
  id: number | null;
  fields: Record<string, unknown>;
}

/** One step of the history: a cell edit is one RowChange; a paste is many, plus the rows it added. */
export interface Change {
  updates: RowChange[];
  created: CreatedRow[];
}

export type Direction = 'do' | 'undo' | 'redo';

/**
 * Saves a change in one direction. Resolves true when (part of) it was saved; it may trim `change` to
 * the part that was saved and fill in the ids of created rows. False (or a rejection) means nothing was
 * saved: after 'do' the change leaves the history; after an undo or redo it stays where it was.
 */
export type Persist = (change: Change, direction: Direction) => Promise<boolean>;

interface Entry {
  change: Change;
  /** The 'do' save failed: there is nothing to undo or redo. */
  failed: boolean;
}

export class EditHistory {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** Changes whose save (or undo, redo) is queued and has not started yet. */
  private waiting: Change[] = [];

  constructor(
    private readonly persist: Persist,
    /** Called whenever canUndo, canRedo or pending may have changed. */
    private readonly changed: () => void = () => undefined,
    private readonly limit = 100,
  ) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The change Ctrl+Z would take back now, so the grid can show its old values at once. */
  peekUndo(): Change | undefined {
    return this.undoStack[this.undoStack.length - 1]?.change;
  }

  peekRedo(): Change | undefined {
    return this.redoStack[this.redoStack.length - 1]?.change;
  }

  /**
   * Whether a queued save that has not started yet touches this row: the grid then keeps showing what
   * the user sees now instead of the values of a save that landed in between.
   */
  isWaiting(id: number): boolean {
    return this.waiting.some((change) => change.updates.some((u) => u.id === id) || change.created.some((c) => c.id === id));
  }

  /** Saves queued or running. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Records a change made just now and queues its save. Resolves with whether it was saved. */
  record(change: Change): Promise<boolean> {
    const entry: Entry = { change, failed: false };
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
    this.changed();
    return this.enqueue(change, async () => {
      const saved = await this.safePersist(change, 'do');
      if (!saved) {
        entry.failed = true;
        this.drop(entry);
      }
      return saved;
    });
  }

  /** Takes the last change off the history at once; its reversal is saved after everything queued before it. */
  undo(): Promise<boolean> {
    const entry = this.undoStack.pop();
    if (!entry) return Promise.resolve(false);
    this.redoStack.push(entry);
    this.changed();
    return this.enqueue(entry.change, async () => {
      if (entry.failed) return false;
      const saved = await this.safePersist(entry.change, 'undo');
      if (!saved) this.move(entry, this.redoStack, this.undoStack);
      return saved;
    });
  }

  redo(): Promise<boolean> {
    const entry = this.redoStack.pop();
    if (!entry) return Promise.resolve(false);
    this.undoStack.push(entry);
    this.changed();
    return this.enqueue(entry.change, async () => {
      if (entry.failed) return false;
      const saved = await this.safePersist(entry.change, 'redo');
      if (!saved) this.move(entry, this.undoStack, this.redoStack);
      return saved;
    });
  }

  /** Forgets the history (rows were reloaded); saves already queued still run. */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.changed();
  }

  /** Resolves when every queued save has run. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  /** A row added again on redo got a new id: later steps that name the old id follow it. */
  renameRow(oldId: number, newId: number): void {
    for (const entry of [...this.undoStack, ...this.redoStack]) {
      for (const update of entry.change.updates) if (update.id === oldId) update.id = newId;
      for (const created of entry.change.created) if (created.id === oldId) created.id = newId;
    }
  }

  private enqueue(change: Change, task: () => Promise<boolean>): Promise<boolean> {
    this.pending += 1;
    this.waiting.push(change);
    const run = this.tail.then(() => {
      this.waiting.splice(this.waiting.indexOf(change), 1);
      return task();
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => {
      this.pending -= 1;
      this.changed();
    });
  }

  private async safePersist(change: Change, direction: Direction): Promise<boolean> {
    try {
      return await this.persist(change, direction);
    } catch {
      return false;
    }
  }

  private drop(entry: Entry): void {
    this.undoStack = this.undoStack.filter((e) => e !== entry);
    this.redoStack = this.redoStack.filter((e) => e !== entry);
    this.changed();
  }

  private move(entry: Entry, from: Entry[], to: Entry[]): void {
    const index = from.lastIndexOf(entry);
    if (index < 0) return;
    from.splice(index, 1);
    to.push(entry);
    this.changed();
  }
}
