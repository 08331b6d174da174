// Accept / reject / correct decisions, kept in the browser (localStorage, per run) and saved as
// decisions.jsonl through a download: a page opened from disk can write no file itself. The file's
// lines are the contract of src/review/schema.ts; `claims run --decisions FILE` applies them.

export class DecisionStore {
  constructor(runKey) {
    this.key = `claims-review:${runKey}`;
    this.map = new Map();
    this.listeners = [];
    try {
      for (const d of JSON.parse(localStorage.getItem(this.key) ?? '[]')) this.map.set(d.claim, d);
    } catch { /* storage unavailable or damaged: start empty */ }
    this.reviewer = localStorage.getItem('claims-review:reviewer') ?? '';
  }

  onChange(fn) { this.listeners.push(fn); }
  get(id) { return this.map.get(id) ?? null; }
  get size() { return this.map.size; }

  setReviewer(name) {
    this.reviewer = name.trim();
    try { localStorage.setItem('claims-review:reviewer', this.reviewer); } catch { /* private mode */ }
  }

  /** Records a decision: 'accept' | 'reject' | 'correct' (with {subject, value, unit}) | null to undo. */
  set(id, decision, correction) {
    if (decision === null) this.map.delete(id);
    else {
      const d = { claim: id, decision };
      if (decision === 'correct') d.correction = correction;
      if (this.reviewer) d.by = this.reviewer;
      d.at = new Date().toISOString();
      this.map.set(id, d);
    }
    this.persist();
  }

  persist() {
    try { localStorage.setItem(this.key, JSON.stringify([...this.map.values()])); } catch { /* quota: the download still works */ }
    for (const fn of this.listeners) fn();
  }

  /** JSON lines, one decision per claim id, sorted by id so a saved file diffs cleanly. */
  toJsonl() {
    return [...this.map.values()].sort((a, b) => (a.claim < b.claim ? -1 : 1)).map((d) => JSON.stringify(d)).join('\n') + (this.map.size ? '\n' : '');
  }

  /** Loads a saved decisions file; later lines win. Returns how many were read. */
  load(text) {
    let n = 0;
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      const d = JSON.parse(line);
      if (d && typeof d.claim === 'string' && ['accept', 'reject', 'correct'].includes(d.decision)) { this.map.set(d.claim, d); n++; }
    }
    this.persist();
    return n;
  }

  download(name = 'decisions.jsonl') {
    const url = URL.createObjectURL(new Blob([this.toJsonl()], { type: 'application/x-ndjson' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
