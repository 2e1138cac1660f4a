// Property tests in `npm test` use a fixed seed, so CI is deterministic; `npm run fuzz`
// (NIANBAO_FUZZ_RUNS set) explores new seeds every run. NIANBAO_FUZZ_SEED reproduces one.
import fc from 'fast-check';

const seed = process.env.NIANBAO_FUZZ_SEED ?? (process.env.NIANBAO_FUZZ_RUNS ? undefined : '20261124');
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
