// A tier table of `n` brackets in YAML flow style: floors 0, width, 2·width, …; MMR 0.004 rising 0.0001 a tier; cum
// continuous (cum_i = cum_{i−1} + floor_i·0.0001). A symbol whose legs carry it holds n MM pieces a leg, which is what
// a fix's probe is charged by (work budget).
export function manyTiersYaml(n: number, width = 10_000): string {
  const tiers: string[] = [];
  let cum = 0; // in 1e-4
  for (let i = 0; i < n; i++) {
    cum += i * width;
    tiers.push(`{ floor: "${i * width}", cap: "${(i + 1) * width}", mmr: "${((40 + i) / 10_000).toFixed(4)}", cum: "${(cum / 10_000).toFixed(4)}" }`);
  }
  return `[${tiers.join(', ')}]`;
}
