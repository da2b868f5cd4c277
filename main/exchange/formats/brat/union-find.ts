/** Sets of ids joined pairwise; groups come out in the order their first member was given. */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly order: string[] = [];

  constructor(ids: readonly string[]) {
    for (const id of ids)
      if (!this.parent.has(id)) {
        this.parent.set(id, id);
        this.order.push(id);
      }
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(id, root);
    return root;
  }

  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }

  groups(): string[][] {
    const groups = new Map<string, string[]>();
    for (const id of this.order) {
      const root = this.find(id);
      groups.set(root, [...(groups.get(root) ?? []), id]);
    }
    return [...groups.values()];
  }
}
