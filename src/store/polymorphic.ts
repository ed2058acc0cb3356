/**
 * References SQLite cannot know about. Undo follows foreign keys by reading the schema
 * (`PRAGMA foreign_key_list`, see changes.ts); a column that points at a row of one of several
 * tables, chosen by another column, has no foreign key, so it is listed here. Deleting a row of a
 * target table captures (and undo restores) the rows that point at it with the matching
 * discriminator, as ON DELETE CASCADE would.
 *
 * tests/store/dependents.test.ts fails if a column that looks like a reference (…_id, target_…,
 * entity_…) has neither a foreign key nor an entry here or in NOT_REFERENCES.
 */
export interface PolymorphicRef {
  /** The table holding the reference. */
  table: string;
  /** The column holding the target row's id. */
  column: string;
  /** The column saying which kind of row it points at. */
  discriminator: string;
  /** Discriminator value → the table it points into (by that table's `id`). */
  targets: Record<string, string>;
}

export const POLYMORPHIC: readonly PolymorphicRef[] = [
  {
    // 'project' and 'phase' memos point at no row.
    table: 'memos',
    column: 'target_id',
    discriminator: 'target_type',
    targets: { document: 'documents', code: 'codes', coding: 'codings', participant: 'participants', theme: 'themes' },
  },
  {
    // REFI-QDA GUIDs kept for rows without a guid column (src/features/refi/store-guids.ts).
    table: 'refi_guids',
    column: 'entity_id',
    discriminator: 'entity',
    targets: { document: 'documents', participant: 'participants', coder: 'coders', theme_link: 'theme_links', selection: 'codings' },
  },
];

/** Columns named like references that deliberately are not followed on delete, with the reason. */
export const NOT_REFERENCES: Readonly<Record<string, string>> = {
  'theme_events.theme_id': 'the decision history outlives the theme it is about',
  'operations.target_op': 'the undo/redo record of an operation, not part of the project data',
  'map_positions.node_id': 'a map node id (text, e.g. a theme guid); positions of vanished nodes are pruned when the map is saved',
  'client_operations.client_id': 'the id a client gave its call (text), not a row',
};
