/**
 * What changed in the catalogue, told after each successful write, so that
 * derived views (the search index, later statistics) can follow. Listeners
 * must not throw into the write path: a write that succeeded stays succeeded,
 * and a listener that fails catches up later (see the search reconciler).
 */
export interface CatalogueChange {
  type: 'RESOURCE' | 'SERIES';
  id: string;
  /** Why; listeners may ignore it. */
  reason: 'CREATED' | 'UPDATED' | 'TRANSITION' | 'ADOPTION' | 'SERIES_MEMBERSHIP';
}

export interface CatalogueEvents {
  changed(change: CatalogueChange): void;
}

/** Fans a change out to every listener; a failing listener never affects the writer or the others. */
export class CatalogueEventBus implements CatalogueEvents {
  private readonly listeners: Array<(change: CatalogueChange) => void | Promise<void>> = [];

  subscribe(listener: (change: CatalogueChange) => void | Promise<void>): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  changed(change: CatalogueChange): void {
    for (const listener of this.listeners) {
      try {
        void Promise.resolve(listener(change)).catch(() => undefined);
      } catch {
        // deliberately ignored: see the interface comment
      }
    }
  }
}
