import type { ExpandedModel } from '../validate/rules/context.ts'
import { groupRelationEnds } from '../validate/rules/relations.ts'
import type { FieldDecl } from '../validate/symbols.ts'
import { irLocation } from './ir-location.ts'
import type { IrRelationField } from './types.ts'

/** The IR form of every relation field, keyed by its declaration. */
export type ResolvedRelations = ReadonlyMap<FieldDecl, IrRelationField>

/** Pairs each relation field with its other end (validation guarantees exactly two ends per relation). */
export function resolveRelations(models: ReadonlyMap<string, ExpandedModel>): ResolvedRelations {
  const resolved = new Map<FieldDecl, IrRelationField>()
  for (const ends of groupRelationEnds(models).values()) {
    const [a, b] = ends as [(typeof ends)[0], (typeof ends)[0]]
    const many = Boolean(a.field.def.list && b.field.def.list)
    const cardinality = many ? 'many-to-many' : a.field.def.list || b.field.def.list ? 'one-to-many' : 'one-to-one'
    for (const [self, other] of [[a, b], [b, a]] as const) {
      const relation = self.field.def.relation
      const end = {
        kind: 'relation',
        name: self.field.name,
        ...(self.field.mixin ? { mixin: self.field.mixin } : {}),
        target: other.model.decl.name,
        opposite: other.field.name,
        ...(relation?.name ? { relationName: relation.name } : {}),
        optional: Boolean(self.field.def.optional),
        list: Boolean(self.field.def.list),
        cardinality,
        ...(self.field.def.description?.trim() ? { description: self.field.def.description.trim() } : {}),
        ...(self.field.def.deprecated ? { deprecated: true } : {}),
        location: irLocation(self.field.source, self.field.path, 'key'),
      } as const
      // Validation guarantees the owner names both its fields and their references.
      const keys = !many && relation?.fields ? { fields: relation.fields, references: relation.references ?? [] } : undefined
      resolved.set(
        self.field,
        keys
          ? { ...end, side: 'owner', ...keys, ...(relation?.onDelete ? { onDelete: relation.onDelete } : {}), ...(relation?.onUpdate ? { onUpdate: relation.onUpdate } : {}) }
          : { ...end, side: many ? 'many' : 'back' },
      )
    }
  }
  return resolved
}
