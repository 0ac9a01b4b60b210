import { DEFAULT_FUNCTIONS, FORMAT_NOTES, FORMAT_PATTERNS, REFERENTIAL_ACTIONS, SCALAR_TYPES, type StringFormat } from './language.ts'

/** The value rules a stored field and a shape field share (both sides of the same limits). */
const VALUE_RULES = {
  min: { type: 'number' },
  max: { type: 'number' },
  minLength: { type: 'integer', minimum: 0 },
  maxLength: { type: 'integer', minimum: 0 },
  length: { type: 'integer', minimum: 0 },
  pattern: { type: 'string' },
  format: { $ref: '#/$defs/format' },
} as const

/** Where the JSON Schema is written, under the output root: editors and the package's `./model.schema.json` read it there. */
export const MODEL_SCHEMA_PATH = 'schema/pika-model.schema.json'

export const MODEL_SCHEMA_NOTICE = 'Generated from generators/language/model-schema.ts by `npm run generate`. Do not edit: change the module and regenerate.'

const FORMATS = Object.keys(FORMAT_PATTERNS) as StringFormat[]
const describeFormat = (format: StringFormat) => (FORMAT_NOTES[format] ? `${format} (${FORMAT_NOTES[format]})` : format)

/**
 * The JSON Schema of a model file: which keys exist and what each holds. The validator checks every
 * file against it (validate/schema-validator.ts) before the semantic rules run, and npm run generate
 * writes it to schema/pika-model.schema.json for editors. Its lists of scalars, formats, default
 * functions and referential actions come from the language's facts (language.ts).
 */
export const MODEL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $comment: MODEL_SCHEMA_NOTICE,
  $id: 'https://pika.fit/schema/pika-model.schema.json',
  title: 'Pika model file',
  description: 'One domain of the Pika data model: enums, JSON shapes (types), mixins and models. See docs/model-language.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    description: {
      type: 'string',
      description: 'What this domain covers; shown in the model catalog.',
    },
    extensions: {
      type: 'array',
      description: 'PostgreSQL extensions this domain needs beyond its native types (which declare theirs): listed in the Prisma datasource, created by the migration and loaded into the embedded database. Only extensions PGlite ships can be named.',
      items: {
        enum: ['btree_gin', 'btree_gist', 'citext', 'cube', 'earthdistance', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'pg_trgm', 'pgcrypto', 'seg', 'tablefunc', 'unaccent'],
      },
      uniqueItems: true,
    },
    enums: {
      type: 'object',
      description: 'Enumerations, by PascalCase name.',
      additionalProperties: {
        $ref: '#/$defs/enum',
      },
    },
    types: {
      type: 'object',
      description: 'Named JSON shapes that type a Json column (field key `shape`), by PascalCase name.',
      additionalProperties: {
        $ref: '#/$defs/shape',
      },
    },
    mixins: {
      type: 'object',
      description: 'Reusable sets of fields and indexes that models (or other mixins) include, by PascalCase name.',
      additionalProperties: {
        $ref: '#/$defs/mixin',
      },
    },
    models: {
      type: 'object',
      description: 'Database models (tables), by PascalCase name.',
      additionalProperties: {
        $ref: '#/$defs/model',
      },
    },
  },
  $defs: {
    enum: {
      type: 'object',
      additionalProperties: false,
      required: ['values'],
      properties: {
        description: {
          type: 'string',
        },
        deprecated: {
          type: 'boolean',
        },
        renamedFrom: {
          type: 'string',
          description: 'The enum\'s previous name, so migrations rename the type instead of dropping it.',
        },
        values: {
          type: 'array',
          minItems: 1,
          description: 'The values, in order. A value is a bare name, or an object with `name`, `description`, `renamedFrom`.',
          items: {
            $ref: '#/$defs/enumValue',
          },
        },
      },
    },
    enumValue: {
      type: ['string', 'object'],
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          type: 'string',
        },
        description: {
          type: 'string',
        },
        renamedFrom: {
          type: 'string',
          description: 'The value\'s previous name, so migrations rename it instead of dropping it.',
        },
      },
    },
    shape: {
      type: 'object',
      additionalProperties: false,
      required: ['fields'],
      properties: {
        description: {
          type: 'string',
        },
        fields: {
          type: 'object',
          minProperties: 1,
          additionalProperties: {
            $ref: '#/$defs/shapeField',
          },
        },
      },
    },
    mixin: {
      type: 'object',
      additionalProperties: false,
      required: ['fields'],
      properties: {
        description: {
          type: 'string',
        },
        mixins: {
          $ref: '#/$defs/nameList',
        },
        fields: {
          $ref: '#/$defs/fields',
        },
        indexes: {
          $ref: '#/$defs/indexList',
        },
      },
    },
    model: {
      type: 'object',
      additionalProperties: false,
      required: ['fields'],
      properties: {
        table: {
          type: 'string',
          description: 'Database table name (@@map). Defaults to the model name.',
        },
        description: {
          type: 'string',
        },
        deprecated: {
          type: 'boolean',
        },
        renamedFrom: {
          type: 'string',
          description: 'The model\'s previous name, so migrations rename the table instead of dropping it.',
        },
        mixins: {
          $ref: '#/$defs/nameList',
        },
        fields: {
          $ref: '#/$defs/fields',
        },
        id: {
          type: 'object',
          description: 'Compound primary key (@@id).',
          additionalProperties: false,
          required: ['fields'],
          properties: {
            fields: {
              $ref: '#/$defs/fieldNameList',
            },
            name: {
              type: 'string',
            },
          },
        },
        indexes: {
          $ref: '#/$defs/indexList',
        },
        uniques: {
          $ref: '#/$defs/indexList',
        },
        archive: {
          type: 'object',
          description: 'Archive policy: `npm run db:archive` moves rows whose `by` (a DateTime field) is more than `afterDays` days old into an archive table with the same columns.',
          additionalProperties: false,
          required: ['afterDays', 'by'],
          properties: {
            afterDays: {
              type: 'integer',
              minimum: 1,
              description: 'Age in days after which a row is archived.',
            },
            by: {
              type: 'string',
              description: 'The DateTime field whose age decides, e.g. createdAt.',
            },
          },
        },
        softDelete: {
          type: 'boolean',
          description: 'Soft deletion: the model gets a `deletedAt` column (indexed); the configured client hides deleted rows and turns delete into an update; uniques apply to live rows only.',
        },
        checks: {
          type: 'array',
          description: 'Rules across fields, enforced by the database (CHECK) and zod: `endTime > startTime`.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'rule'],
            properties: {
              name: {
                type: 'string',
                pattern: '^[a-z][a-z0-9_]*$',
                description: 'snake_case; the constraint is named ck_<table>_<name>.',
              },
              rule: {
                type: 'string',
                description: '`<field> <op> <field or number>`, op one of < <= > >= = !=; Int, BigInt, Float, Decimal or DateTime fields.',
              },
              description: {
                type: 'string',
              },
            },
          },
        },
        seed: {
          type: 'object',
          additionalProperties: false,
          properties: {
            rows: {
              type: 'array',
              description: 'Hand-written fixture rows: field values by name; relations are given as their foreign keys.',
              items: {
                type: 'object',
              },
            },
            generate: {
              type: 'integer',
              minimum: 0,
              maximum: 100000,
              description: 'How many deterministic synthetic rows to add.',
            },
          },
        },
      },
    },
    nameList: {
      type: 'array',
      items: {
        type: 'string',
      },
      uniqueItems: true,
    },
    fieldNameList: {
      type: 'array',
      items: {
        type: 'string',
      },
      minItems: 1,
      uniqueItems: true,
    },
    indexList: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fields'],
        properties: {
          fields: {
            $ref: '#/$defs/fieldNameList',
            description: 'Field names; a String field may be written lower(field) or upper(field) (an expression index).',
          },
          name: {
            type: 'string',
            description: 'Database name of the index or constraint (map).',
          },
          where: {
            type: 'string',
            minLength: 1,
            description: 'Partial index: only rows matching `<field> IS [NOT] NULL` or `<field> <op> <literal>`, joined by AND, e.g. `deletedAt IS NULL`.',
          },
        },
      },
    },
    fields: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        $ref: '#/$defs/field',
      },
    },
    type: {
      type: 'string',
      description: `A scalar (${SCALAR_TYPES.join(' ')}), an enum, or a model (a relation).`,
    },
    shapeField: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: {
        type: {
          $ref: '#/$defs/type',
        },
        optional: {
          type: 'boolean',
        },
        list: {
          type: 'boolean',
        },
        shape: {
          type: 'string',
          description: 'For a Json field: the named type giving its structure.',
        },
        description: {
          type: 'string',
        },
        deprecated: {
          type: 'boolean',
        },
        example: {},
        ...VALUE_RULES,
      },
    },
    field: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: {
        type: {
          $ref: '#/$defs/type',
        },
        optional: {
          type: 'boolean',
          description: 'Nullable column; optional in inputs.',
        },
        list: {
          type: 'boolean',
          description: 'An array (scalar list), or the many side of a relation.',
        },
        id: {
          type: 'boolean',
          description: 'Primary key (@id).',
        },
        unique: {
          type: 'boolean',
          description: 'Unique constraint (@unique).',
        },
        default: {
          description: `Default value: a literal, an enum value, a list, or one of ${Object.keys(DEFAULT_FUNCTIONS).map((name) => `${name}()`).join(' ')}.`,
        },
        updatedAt: {
          type: 'boolean',
          description: 'Set to the current time on every update (@updatedAt).',
        },
        map: {
          type: 'string',
          description: 'Database column name (@map).',
        },
        db: {
          type: 'string',
          description: 'Native database type, e.g. Decimal(10,2), VarChar(255), Date, Uuid (@db.…).',
        },
        relation: {
          type: 'object',
          additionalProperties: false,
          description: 'On the owning side of a relation: the foreign key. On the back side only `name` is allowed.',
          properties: {
            name: {
              type: 'string',
              description: 'Relation name; required when two models are related more than once.',
            },
            fields: {
              $ref: '#/$defs/fieldNameList',
            },
            references: {
              $ref: '#/$defs/fieldNameList',
            },
            onDelete: {
              $ref: '#/$defs/referentialAction',
            },
            onUpdate: {
              $ref: '#/$defs/referentialAction',
            },
          },
        },
        shape: {
          type: 'string',
          description: 'For a Json field: the named type giving its structure.',
        },
        description: {
          type: 'string',
        },
        deprecated: {
          type: 'boolean',
        },
        example: {
          description: 'An example value for the API docs.',
        },
        readOnly: {
          type: 'boolean',
          description: 'Set by the server: in read schemas, never in create/update inputs.',
        },
        writeOnly: {
          type: 'boolean',
          description: 'Accepted in create/update inputs, never returned in read schemas.',
        },
        private: {
          type: 'boolean',
          description: 'Never in any API schema (e.g. passwordHash).',
        },
        renamedFrom: {
          type: 'string',
          description: 'The field\'s previous name, so migrations rename the column instead of dropping it.',
        },
        ...VALUE_RULES,
        minItems: {
          type: 'integer',
          minimum: 0,
          description: 'Fewest items of a list field (a CHECK on cardinality in the database).',
        },
        maxItems: {
          type: 'integer',
          minimum: 0,
          description: 'Most items of a list field (a CHECK on cardinality in the database).',
        },
      },
    },
    referentialAction: {
      enum: [...REFERENTIAL_ACTIONS],
    },
    format: {
      enum: FORMATS,
      description: `A string format: ${FORMATS.slice(0, -1).map(describeFormat).join(', ')} or ${describeFormat(FORMATS.at(-1)!)}.`,
    },
  },
}
