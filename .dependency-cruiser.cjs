/**
 * Import rules (issue 10), run by scripts/check-imports.mjs (`npm run lint:deps`, `npm test`, so .ci/run), which also
 * checks that the layers form no cycle. Every rule
 * here holds; a forbidden import is an error. ARCHITECTURE.md explains the layers:
 *
 *   renderer/src  -> contracts + src/core                         (the browser: untrusted)
 *   hosts (src/cli, src/server, electron/) -> src/api + src/core + src/lib
 *   src/api (the Service: the one door) -> src/features/*, src/store, src/jobs
 *   src/features/<feature> -> src/store (infrastructure), src/lib, src/core, other features' queries
 *   src/store -> src/lib, src/core        src/lib -> src/core        src/core -> nothing of ours
 */
/** A contract: zod schemas and types only, shared by the Service and the renderer. */
const CONTRACT = '^src/(api/contract[a-z-]*|features/[a-z-]+/[a-z-]*contract|jobs/contract)\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'renderer-imports-only-contract-and-core',
      comment:
        'The renderer is untrusted and runs in a browser: it reaches the project only through the API contract, and imports its own files, the contracts and src/core.',
      severity: 'error',
      from: { path: '^renderer/src' },
      to: { pathNot: ['^renderer/src', CONTRACT, '^src/core/', 'node_modules', '^@lexical/'] },
    },
    {
      name: 'renderer-base-is-generic',
      comment: "The renderer's generic components, pure model, helpers and API client know no view, no shared state and no shell.",
      severity: 'error',
      from: { path: '^renderer/src/(components|model|lib|api)/' },
      to: { path: '^renderer/src/(features|state|hooks|shell)/' },
    },
    {
      name: 'renderer-features-import-no-shell',
      comment: 'A view and its parts never import the shell (App, the top bar, side panels, dialogs): the shell imports them.',
      severity: 'error',
      from: { path: '^renderer/src/(features|state|hooks)/' },
      to: { path: '^renderer/src/(shell/|App\\.tsx$)' },
    },
    {
      name: 'browser-code-imports-no-node',
      comment: 'The renderer, the contracts and src/core run in the browser: no node: modules.',
      severity: 'error',
      from: { path: ['^renderer/src', CONTRACT, '^src/core/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-import-only-contracts-and-core',
      comment: 'A contract is schemas and types: it imports zod, other contracts and src/core only.',
      severity: 'error',
      from: { path: CONTRACT },
      to: { pathNot: [CONTRACT, '^src/core/', 'node_modules'] },
    },
    {
      name: 'core-imports-only-core',
      comment: 'src/core is the bottom layer: no lib, no store, no features, no api.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', 'node_modules'] },
    },
    {
      name: 'lib-imports-only-lib-and-core',
      comment: 'src/lib holds the generic Node helpers (zip, CSV, XML, text decoding, atomic writes): they know nothing of projects.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: ['^src/(lib|core)/'] },
    },
    {
      name: 'store-is-infrastructure',
      comment:
        'src/store is open, lock, migrations, transactions, the undo log and the statement cache: it imports no feature, no api, no host.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: ['^src/(store|lib|core)/'] },
    },
    {
      name: 'features-import-no-hosts-or-service',
      comment: 'A feature is reached through the Service; it never imports the Service, a host or the job runner.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: ['^src/(cli|server)/', '^electron/', '^src/api/(service|raw-db)\\.ts$', '^src/jobs/(runner|worker|turns)\\.ts$'] },
    },
    {
      name: 'handlers-import-no-other-handlers',
      comment:
        "A feature's handlers are registered once, in src/api/service.ts; another feature uses its queries or logic, never its handlers.",
      severity: 'error',
      from: { path: '^src/features/([a-z-]+)/' },
      to: { path: '^src/features/[a-z-]+/[a-z-]*handlers\\.ts$', pathNot: '^src/features/$1/' },
    },
    {
      name: 'hosts-import-only-api-core-and-lib',
      comment:
        'CLI, web server and Electron reach the project through Service.call only: never the store, never a feature (contracts excepted).',
      severity: 'error',
      from: { path: ['^src/cli/', '^src/server/', '^electron/'] },
      to: { path: '^src/', pathNot: ['^src/(api|core|lib|cli|server)/', CONTRACT] },
    },
    {
      name: 'electron-imports-no-server-or-cli',
      comment: 'The desktop shell loads neither the web server nor the CLI (the CSP it shares lives in src/core/csp.ts).',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: ['^src/server/', '^src/cli/'] },
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
      comment:
        'No import cycle between modules (the last ones, in the agreement engine, the transcript view and the REFI import, were broken in stop 18).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.json$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
