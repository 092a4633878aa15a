// Reads ahead: runs `fn` over the items with up to `limit` calls in flight and yields the results in the items' order.
// The workspace scan reads its files this way, so the worker's queue fills while the host is busy with earlier
// results, instead of one read at a time between them.
export async function* readAhead<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const fill = (): void => {
    while (next < items.length && pending.length < limit) pending.push(fn(items[next++]!));
  };
  fill();
  while (pending.length) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
