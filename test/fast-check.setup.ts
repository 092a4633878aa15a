// Property tests are reproducible in CI: one fixed seed (override with FC_SEED to explore).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
