/** One pending timeout per name: setting a name again replaces its timeout. */
export class NamedTimers<TName extends string> {
  private readonly pending = new Map<TName, ReturnType<typeof setTimeout>>();

  set(name: TName, delayMs: number, run: () => void): void {
    this.clear(name);
    this.pending.set(
      name,
      setTimeout(() => {
        this.pending.delete(name);
        run();
      }, delayMs),
    );
  }

  clear(name: TName): void {
    const timer = this.pending.get(name);
    if (timer) clearTimeout(timer);
    this.pending.delete(name);
  }

  clearAll(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
