// The page's session clock: it plays a guide.Script (made by the server)
// by the rules of Go's guide.Clock, so a place saved here resumes the same
// there. Time comes from now(), in milliseconds, which tests can drive.
export const BACK_GRACE = 3;

export class Clock {
  constructor(script, now, offset = 0) {
    this.s = script;
    this.now = now;
    this.running = false;
    this.played = 0;
    this.mark = now();
    this.seek(offset);
  }

  get total() { return this.s.total; }

  offset() {
    let o = this.off;
    if (this.running) o += (this.now() - this.mark) / 1000;
    return Math.min(o, this.s.total);
  }

  // spent is the seconds the clock ran so far: not paused, not skipped.
  spent() { return this.played + (this.running ? this.offset() - this.off : 0); }

  settle() {
    const o = this.offset();
    if (this.running) this.played += Math.max(0, o - this.off);
    this.off = o;
    this.mark = this.now();
    if (this.off >= this.s.total) this.running = false;
  }

  seek(o) {
    if (!(o >= 0)) o = 0;
    this.off = Math.min(o, this.s.total);
    this.mark = this.now();
    this.heard = this.off;
    this.fresh = true;
  }

  moveAt(o) {
    let i = 0;
    this.s.moves.forEach((m, j) => { if (m.start <= o) i = j; });
    return i;
  }

  start() { this.settle(); if (this.off < this.s.total) this.running = true; }
  pause() { this.settle(); this.running = false; }
  toggle() { this.running ? this.pause() : this.start(); }

  skip() {
    this.settle();
    const i = this.moveAt(this.off);
    if (i + 1 < this.s.moves.length) this.seek(this.s.moves[i + 1].start);
    else { this.seek(this.s.total); this.running = false; }
  }

  back() {
    this.settle();
    const ms = this.s.moves;
    if (!ms.length) return;
    const i = this.moveAt(this.off);
    let m = ms[i];
    if (this.off >= this.s.total) m = ms[ms.length - 1];
    else if (this.off - m.start < BACK_GRACE && i > 0) m = ms[i - 1];
    this.seek(m.start);
  }

  position() {
    const o = this.offset();
    const p = { offset: o, move: 0, elapsed: 0, left: 0, pass: 0, half: 0,
      running: this.running && o < this.s.total, done: o >= this.s.total };
    if (!this.s.moves.length) { p.done = true; return p; }
    p.move = this.moveAt(o);
    const m = this.s.moves[p.move];
    p.elapsed = Math.min(o - m.start, m.seconds);
    p.left = m.seconds - p.elapsed;
    let span = m.seconds, inn = p.elapsed;
    if (m.side === 'each' || m.side === 'swap-hands') {
      span = m.seconds / 2;
      p.half = 1;
      if (inn >= span) { p.half = 2; inn -= span; }
    }
    if (m.passes > 0 && span > 0) p.pass = Math.min(Math.floor(inn / (span / m.passes)) + 1, m.passes);
    return p;
  }

  // due hands out the cues reached since the last call; a paused clock says nothing.
  due() {
    if (!this.running) return [];
    const o = this.offset();
    const out = this.s.cues.filter((q) => (q.at > this.heard || (this.fresh && q.at === this.heard)) && q.at <= o);
    if (o > this.heard || (this.fresh && out.length)) { this.heard = o; this.fresh = false; }
    return out;
  }

  // recap gives the cues that open the current move, to say again on resume.
  recap() {
    const o = this.offset();
    if (o >= this.s.total) return [];
    const i = this.moveAt(o);
    return this.s.cues.filter((q) => q.move === i && (q.kind === 'start' || q.kind === 'caution'));
  }
}
