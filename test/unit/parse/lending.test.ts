import { describe, expect, it } from 'vitest';
import { at, codes, diag, lending, parse, where } from './helpers';

const AAVE = `version: 1
venue: aave-v3
account: "0x1234"
markets:
  WETH: { price: "3000", liquidationThreshold: "0.83", liquidationBonus: "0.05", decimals: 18, volatility: 0.7 }
  WBTC: { price: "64000", liquidationThreshold: "0.78", liquidationBonus: "0.065" }
  USDC: { price: "1", decimals: 6 }
  FOO: { price: "2", liquidationThreshold: "83%" }
eModeCategories:
  "1": { label: ETH-correlated, liquidationThreshold: "0.95", liquidationBonus: "0.01", assets: [WETH, wstETH] }
loans:
  - id: main
    eMode: 0
    collateral:
      - { asset: WETH, amount: "10" }
      - { asset: WBTC, amount: "0.5", usageAsCollateral: false }
    debt:
      - { asset: USDC, amount: "20000.123456789012345678" }
  - eMode: 1
    collateral:
      - { asset: WETH, amount: "1", liquidationThreshold: "0.8" }
    debt:
      - { asset: USDC, amount: "100" }
`;

describe('lending accounts (docs/format.md §2.1)', () => {
  const r = parse('aave.positions.yaml', AAVE);
  const a = lending(r);

  it('reads markets with bundled decimals and stablecoins', () => {
    expect(r.venue).toBe('aave-v3');
    expect(a.account).toBe('0x1234');
    expect(a.markets.WETH!.liquidationThreshold?.toFixed()).toBe('0.83');
    expect(a.markets.WETH!.liquidationBonus?.toFixed()).toBe('0.05');
    expect(a.markets.WETH!.volatility).toBe(0.7);
    expect(a.markets.WETH!.stable).toBe(false);
    expect(a.markets.WBTC!.decimals).toBe(8);
    expect(a.markets.USDC!.decimals).toBe(6);
    expect(a.markets.USDC!.stable).toBe(true);
    expect(a.markets.FOO!.decimals).toBe(18);
    expect(a.markets.FOO!.liquidationThreshold?.toFixed()).toBe('0.83');
    expect(where(diag(r, 'default-decimals'))).toBe(at(AAVE, 'FOO'));
    expect(where(a.markets.WBTC!.fields.price!)).toBe(at(AAVE, '"64000"'));
  });

  it('reads eMode categories and loans with legs and overrides', () => {
    expect(a.eModeCategories['1']).toMatchObject({ id: '1', label: 'ETH-correlated', assets: ['WETH', 'wstETH'] });
    expect(a.eModeCategories['1']!.liquidationThreshold.toFixed()).toBe('0.95');
    const [main, second] = a.loans;
    expect(main!.id).toBe('main');
    expect(main!.eMode).toBeNull();
    expect(main!.collateral.map((l) => [l.asset, l.amount.toFixed(), l.usageAsCollateral])).toEqual([['WETH', '10', true], ['WBTC', '0.5', false]]);
    expect(main!.debt[0]!.amount.toFixed()).toBe('20000.123456789012345678');
    expect(where(main!.debt[0]!.fields.amount!)).toBe(at(AAVE, '"20000.123456789012345678"'));
    expect(main!.span.line).toBe(12);
    expect(second!.id).toBe('loan-2');
    expect(second!.eMode).toBe('1');
    expect(second!.collateral[0]!.overrides.liquidationThreshold?.toFixed()).toBe('0.8');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('threshold or bonus ≥ 1 is an error with a "did you mean" hint', () => {
    const t = AAVE.replace('liquidationThreshold: "0.78"', 'liquidationThreshold: "78"').replace('liquidationBonus: "0.065"', 'liquidationBonus: "1.065"').replace('"0.83", liquidationBonus', '8300, liquidationBonus');
    const r2 = parse('a.yaml', t);
    const errs = r2.diagnostics.filter((d) => d.code === 'fraction-out-of-range');
    expect(errs.map(where)).toEqual([at(t, '8300'), at(t, '"78"'), at(t, '"1.065"')]);
    expect(errs[0]!.message).toContain('did you mean "0.83"');
    expect(errs[1]!.message).toContain('did you mean "0.78"');
    expect(errs[2]!.message).toContain('did you mean "0.065"');
    expect(lending(r2).markets.WBTC!.liquidationThreshold).toBeNull();
  });

  it('unknown assets and eMode ids are errors at the token', () => {
    const t = AAVE.replace('{ asset: USDC, amount: "100" }', '{ asset: USDT, amount: "100" }').replace('eMode: 1', 'eMode: 3');
    const r2 = parse('a.yaml', t);
    const errs = r2.diagnostics.filter((d) => d.code === 'unknown-symbol');
    expect(errs.map(where)).toEqual([at(t, '3', '  - eMode: '), at(t, 'USDT')]);
    expect(lending(r2).loans).toHaveLength(2);
  });
});

describe('protocol parameters are kept exactly', () => {
  it('Maker vault: liquidationRatio on the asset, art and rate on the loan', () => {
    const t = `version: 1
venue: maker
markets:
  ETH-A: { price: "2500", liquidationRatio: "1.45", dust: "7500", penalty: "0.13" }
  DAI: { price: "1" }
loans:
  - id: vault-1
    art: "1000000.000000000000000001"
    rate: "1.057643154567341834937420384"
    collateral: [{ asset: ETH-A, amount: "1000" }]
    debt: [{ asset: DAI, amount: "1057643.154567341834937420" }]
`;
    const r = parse('m.yaml', t);
    const a = lending(r);
    expect(a.markets['ETH-A']!.extra.liquidationRatio!.toFixed()).toBe('1.45');
    expect(a.markets['ETH-A']!.extra.dust!.toFixed()).toBe('7500');
    expect(a.loans[0]!.params.art!.toFixed()).toBe('1000000.000000000000000001');
    expect(a.loans[0]!.params.rate!.toFixed()).toBe('1.057643154567341834937420384');
    expect(codes(r)).toEqual(['default-decimals']);
  });

  it('Morpho lltv on the loan; Liquity tcr on the file; a ratio ≤ 1 is refused', () => {
    const m = lending(parse('m.yaml', 'version: 1\nvenue: morpho-blue\nmarkets: { wstETH: { price: "4000" }, USDC: { price: "1" } }\nloans:\n  - lltv: "0.86"\n    collateral: [{ asset: wstETH, amount: "1" }]\n    debt: [{ asset: USDC, amount: "100" }]\n'));
    expect(m.loans[0]!.params.lltv!.toFixed()).toBe('0.86');
    const l = parse('l.yaml', 'version: 1\nvenue: liquity-v1\ntcr: "1.6"\nmarkets: { ETH: { price: "2000" }, LUSD: { price: "1" } }\nloans:\n  - mcr: "0.9"\n    collateral: [{ asset: ETH, amount: "1" }]\n    debt: [{ asset: LUSD, amount: "1000" }]\n');
    expect(lending(l).params.tcr!.toFixed()).toBe('1.6');
    expect(where(diag(l, 'fraction-out-of-range'))).toBe('6:10-15');
  });

  it('unknown non-numeric keys warn; unknown numeric ones are kept with a warning', () => {
    const r = parse('a.yaml', 'version: 1\nvenue: aave-v3\nmarkets: { USDC: { price: "1", colour: red, wobble: "3" } }\nloans: []\n');
    expect(codes(r)).toEqual(['unknown-key', 'unknown-key']);
    expect(lending(r).markets.USDC!.extra.wobble!.toFixed()).toBe('3');
    expect(lending(r).markets.USDC!.extra.colour).toBeUndefined();
  });
});
