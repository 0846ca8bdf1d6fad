// How a lower layer lets a higher one react or answer without importing it (docs/ARCHITECTURE.md).
// The lower concept declares the hook next to the code that fires it; app/wiring.ts attaches the
// higher concept's reaction once, before any door opens a core.

/** Something happened inside a write transaction; every attached reaction runs in it, in order. */
export class Hook<A extends unknown[]> {
  private readonly reactions: ((...args: A) => void)[] = [];

  constructor(readonly name: string) {}

  on(reaction: (...args: A) => void): void {
    if (!this.reactions.includes(reaction)) this.reactions.push(reaction);
  }

  run(...args: A): void {
    for (const reaction of this.reactions) reaction(...args);
  }
}

/**
 * One answer a lower layer needs from a higher one (the measures of an incident, read by the
 * incident). Unlike a hook it must be attached: an unattached slot is a wiring bug and throws.
 */
export class Slot<F extends (...args: never[]) => unknown> {
  private fn: F | null = null;

  constructor(readonly name: string) {}

  attach(fn: F): void {
    this.fn = fn;
  }

  get call(): F {
    if (!this.fn) throw new Error(`${this.name}: not attached (app/wiring.ts)`);
    return this.fn;
  }
}
