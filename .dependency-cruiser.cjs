/**
 * Import rules (issue 10), run by `npm run lint:deps` and `npm test` (so by .ci/run). Every
 * rule here holds today; a forbidden import is an error. The rules that cannot hold before the
 * feature-folder move are listed at the end, commented out, to switch on as the move lands.
 *
 * Layers: renderer/ (browser) -> src/api contract + src/model + src/core (pure data and logic)
 *         hosts (src/cli, src/server, electron/) -> src/api (the Service: the one door) -> features/store
 */
/** Modules of src/ the renderer uses today that belong in src/core (pure, browser-safe). */
const CORE_TO_BE = '^src/(anonymise/(key-csv|types)|map/index|reports/types)\\.ts$';
/** Store modules a host may still use: the error class and the agreement engine's pure helpers. */
/** Module cycles that exist today (to be broken by the move); no other may appear. */
const KNOWN_CYCLES = [
  '^src/agreement/(segment-units|units)\\.ts$', '^renderer/src/transcript/(TranscriptView|TranscriptHeader|useTranscriptSelection|useKeyboardCaret)\\.tsx?$',
  // Caught when the REFI work of issues 11 and 16 merged (stop 17): the import's modules call each other.
  '^src/interop/refi/(store-import-match|store-import-sources|media-import|to-store|media-read|read-qde)\\.ts$',
];
/**
 * Caught when the work of issues 11, 13 and 15 merged with these rules (stop 17), pending the move:
 * generic file helpers that belong in src/lib, and file-level tools that work on files beside the
 * project (a backup, a salvage copy, a recording's path), never through the open connection.
 */
const LIB_TO_BE = '^src/store/(atomic-write|backup-paths|location)\\.ts$';
const FILE_TOOLS = '^src/store/(backup|salvage|media)\\.ts$';
const STORE_READ_ONLY = '^src/store/(errors|agreement-(csv|summary|report))\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'renderer-imports-only-contract-and-core',
      comment: 'The renderer is untrusted and runs in a browser: it reaches the project only through the API contract, and imports its own files, the model, src/core and (until they move to src/core) the pure modules it uses.',
      severity: 'error',
      from: { path: '^renderer/src' },
      to: { pathNot: ['^renderer/src', '^src/api/contract[^/]*\\.ts$', '^src/model/', '^src/core/', CORE_TO_BE, 'node_modules', '^@lexical/'] },
    },
    {
      name: 'browser-code-imports-no-node',
      comment: 'The renderer, the contract, the model and src/core run in the browser: no node: modules.',
      severity: 'error',
      from: { path: ['^renderer/src', '^src/api/contract[^/]*\\.ts$', '^src/model/', '^src/core/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-only-core',
      comment: 'src/core is the bottom layer: no store, no features, no api.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', 'node_modules'] },
    },
    {
      name: 'electron-imports-no-store',
      comment: 'The desktop shell talks to the Service, never to the store.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^src/store/', pathNot: LIB_TO_BE },
    },
    {
      name: 'hosts-never-write-the-store',
      comment: 'CLI, web server and Electron reach the project through Service.call only (the side doors writeCoderCopy(s.db) and writeAnonymisedCopy(s.db) are closed).',
      severity: 'error',
      from: { path: ['^src/cli/', '^src/server/', '^electron/'] },
      to: { path: ['^src/store/', '^src/anonymise/copy\\.ts$', '^src/interop/refi/(to-store|from-store|store-)', '^src/jobs/'], pathNot: [STORE_READ_ONLY, LIB_TO_BE, FILE_TOOLS] },
    },
    {
      name: 'electron-imports-no-server',
      comment: 'The desktop shell does not load the web server (the CSP it shares lives in src/core/csp.ts).',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'raw-db-only-for-the-service-and-tests',
      comment: 'The Service owns its connection; tests and benchmarks reach it through tests/helpers/db.ts.',
      severity: 'error',
      from: { pathNot: ['^src/api/service\\.ts$', '^tests/', '^bench/'] },
      to: { path: '^src/api/raw-db\\.ts$' },
    },
    {
      name: 'jobs-run-through-the-service',
      comment: 'Only the Service starts job threads (so every job has its write turn and its place in jobs.list).',
      severity: 'error',
      from: { pathNot: ['^src/api/service\\.ts$', '^src/jobs/', '^tests/', '^bench/'] },
      to: { path: '^src/jobs/(runner|turns|worker)\\.ts$' },
    },
    {
      name: 'no-new-module-cycles',
      comment: 'No import cycle between modules, other than the two that exist today (KNOWN_CYCLES).',
      severity: 'error',
      from: { pathNot: KNOWN_CYCLES },
      to: { circular: true },
    },
    // Pending the feature-folder move (each fails today, with the number of imports it catches on
    // this branch; switch it on when the move lands). The folder-cycle rule's $1 form is a sketch:
    // it reported nothing when tried, although store <-> interop and transcripts <-> interop exist.
    // { name: 'renderer-imports-only-contract-and-core (strict)', from: { path: '^renderer/src' },
    //   to: { pathNot: ['^renderer/src', '^src/api/contract', '^src/core/', 'node_modules'] } },     // 28: renderer -> src/map, src/anonymise, src/reports, src/model
    // { name: 'hosts-import-only-api-and-core', from: { path: ['^src/cli/', '^src/server/', '^electron/'] },
    //   to: { path: '^src/', pathNot: ['^src/(api|core|cli|server)/'] } },                              // 11: cli -> store/agreement-*, map/, reports/types, transcripts, interop/refi/report
    // { name: 'electron-imports-no-cli', from: { path: '^electron/' }, to: { path: '^src/cli/' } },   // 1: electron/main.ts -> src/cli/sample.ts (the sample builder)
    // { name: 'no-folder-cycles', from: { path: '^src/([^/]+)/' }, to: { path: '^src/([^/]+)/', pathNot: '^src/$1/' , circular: true } }, // store <-> interop, transcripts <-> interop
    // { name: 'store-is-infrastructure', from: { path: '^src/store/' }, to: { path: '^src/(interop|anonymise|reports|map|agreement)/' } }, // 11
    // { name: 'interop-imports-no-api', from: { path: '^src/interop/' }, to: { path: '^src/api/' } },   // 1: from-store.ts -> api/version.ts
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.json$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
