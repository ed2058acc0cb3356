// ThematicError lives in src/core (browser-safe, every layer may import it); this re-export keeps
// the store's existing imports working until the feature-folder move rewrites them.
export { ThematicError } from '../core/errors.ts';
