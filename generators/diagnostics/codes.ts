import type { Severity } from './diagnostic.ts'

/** The hint of PIKA407, given with a value problem whose pattern ran out of time. */
const PATTERN_TOO_SLOW_HINT = 'The pattern backtracks catastrophically (a repeated group that itself repeats, like `(a+)+`); rewrite it so each character can match one way only.'

/** The hint of PIKA101 and PIKA601 for a key that a comma inside `{ … }` split off a value. */
const COMMA_HINT = 'Inside `{ … }` a comma separates entries: quote values that contain commas, e.g. `db: "Decimal(10,2)"` or `description: "Fast, friendly"`.'

/**
 * The catalogue of diagnostics: every code with its severity, what it covers (the docs table in
 * docs/diagnostics.md is generated from `meaning` and `fix`), and the messages reported under it.
 * Call sites name a code, one of its messages and the parameters (names, numbers, the phrases
 * describePath and the value problems below build), never a sentence of their own (see diagnostic.ts).
 *
 * Codes are stable: tests, docs and users' searches refer to them, so a code is never reused for a
 * different problem. Grouped by hundreds: 0 files, 1 schema, 2 names, 3 types and mixins,
 * 4 constraints and defaults, 5 ids, indexes and relations, 6 seed rows.
 *
 * Templates: `{name}` is replaced by the parameter `name` (an identifier in braces; any other brace
 * is text). `message`, `hint` and `note` (the text of the related place, if the call site gives one)
 * may each be a list of alternatives: the first whose parameters are all given is used, so a
 * parameter left undefined selects the next one (a hint with a did-you-mean, else the known names).
 * A hint with no alternative left is left out.
 */
export const diagnosticCodes = {
  PIKA001: {
    severity: 'error',
    meaning: 'YAML syntax error (unclosed `{`, tab indentation, several documents, alias without anchor)',
    fix: 'close the `{ … }` on its line; indent with spaces',
    messages: {
      parser: { message: '{parserMessage}' },
      severalDocuments: { message: 'a model file holds one YAML document, but this one has several', hint: 'Remove the `---` separator; split domains into separate files instead.' },
      tabIndentation: { message: '{parserMessage}', hint: 'Indent with spaces.' },
      implicitKeyBlock: { message: '{parserMessage}', hint: 'Quote a value that contains `: `, e.g. `description: "Note: …"`.' },
      callStack: { message: 'the YAML is nested too deeply (more than {maxDepth} levels are refused)' },
      unclosedFlow: { message: 'a `{open} … {close}` opened above is not closed before this line', hint: 'Close it on the line where it opens, or indent its continuation lines further than its key.' },
      aliasWithoutAnchor: { message: 'the alias `*{alias}` has no anchor `&{alias}` before it', hint: 'Define the anchor first, or write the value out.' },
      controlCharacter: { message: 'the file holds the control character {codePoint}, which YAML does not allow unescaped', hint: 'Write it as an escape in a double-quoted string, e.g. "\\u{hex}".' },
    },
  },
  PIKA002: {
    severity: 'error',
    meaning: 'the file is empty',
    fix: 'declare `models:` (or another section), or delete the file',
    messages: {
      emptyFile: { message: 'the model file is empty', hint: 'Declare at least one of `enums`, `types`, `mixins` or `models`, or delete the file.' },
    },
  },
  PIKA003: {
    severity: 'error',
    meaning: 'the file is a list or a scalar, not a mapping',
    fix: 'start with `models:` / `enums:` …',
    messages: {
      notAMapping: { message: 'the model file holds {found}, not a mapping', hint: 'A model file is a mapping with the sections `enums`, `types`, `mixins`, `models`.' },
      settingsNotAMapping: { message: 'the settings file holds {found}, not a mapping', hint: 'The settings file is a mapping with the section `openapi`.' },
    },
  },
  PIKA004: {
    severity: 'error',
    meaning: 'the file is larger than 1 MiB',
    fix: 'split the domain into several files',
    messages: {
      fileTooLarge: { message: 'model file is {sizeKiB} KiB; the limit is {limitKiB} KiB', hint: 'Split the domain into several model files.' },
    },
  },
  PIKA005: {
    severity: 'error',
    meaning: "the file's aliases expand it past 4 Mi nodes and characters (alias bomb)",
    fix: 'write the values out, or use a mixin',
    messages: {
      aliasesExpandTooFar: { message: "the file's YAML aliases expand it to more than {limit} nodes and characters", hint: 'Write the repeated parts out once, or use a mixin.' },
    },
  },
  PIKA006: {
    severity: 'error',
    meaning: 'forbidden key: `__proto__`/`constructor`/`prototype`, null, or a list/mapping as key',
    fix: 'rename the key',
    messages: {
      prototypeKey: { message: 'the key `{key}` is not allowed', hint: 'It could alter object prototypes; choose another name.' },
      emptyKey: { message: 'a key cannot be empty or null', hint: 'Write a name before the colon.' },
      complexKey: { message: 'a key must be a plain name, not a list, mapping or alias', hint: 'Write the key as a plain name.' },
    },
  },
  PIKA007: {
    severity: 'error',
    meaning: 'the file name is not kebab-case',
    fix: '`GymEquipment.yaml` → `gym-equipment.yaml`',
    messages: {
      fileNameNotKebabCase: { message: 'model file `{file}` is not kebab-case', hint: 'Rename it to `{suggestion}.yaml`.' },
    },
  },
  PIKA008: {
    severity: 'error',
    meaning: 'no `*.yaml` files in the models folder',
    fix: 'pass the right folder with `--models`',
    messages: {
      noModelFiles: { message: 'no model files (*.yaml) in {folder}', hint: 'Pass the folder that holds the models with --models.' },
    },
  },
  PIKA009: {
    severity: 'error',
    meaning: 'a key appears twice in one mapping',
    fix: 'keep one of them',
    messages: {
      duplicateKey: { message: 'the key `{key}` appears twice in the same mapping', hint: 'Keep one of them.', note: '`{key}` is first set here' },
      duplicateKeyUnplaced: { message: 'duplicate key' },
    },
  },
  PIKA010: {
    severity: 'error',
    meaning: 'the file cannot be read',
    fix: 'fix permissions',
    messages: {
      unreadable: { message: 'cannot read the file: {reason}' },
    },
  },
  PIKA011: {
    severity: 'error',
    meaning: 'YAML nested more than 64 levels',
    fix: 'flatten the value',
    messages: {
      nestedTooDeep: { message: 'the YAML is nested more than {maxDepth} levels deep', hint: 'A model file needs only a few levels; flatten the structure.' },
    },
  },
  PIKA012: {
    severity: 'error',
    meaning: 'a model file is a symbolic link that leads outside the models folder',
    fix: 'copy the file in, or link to a file inside the folder',
    messages: {
      linkLeavesFolder: { message: 'model file `{file}` is a link that leads outside the models folder', hint: 'Copy the file into the models folder, or link to a file inside it.' },
    },
  },

  PIKA101: {
    severity: 'error',
    meaning: 'unknown key (with did-you-mean, or the comma hint)',
    fix: '`maxLenght` → `maxLength`; `db: "Decimal(10,2)"`',
    messages: {
      unknownKey: { message: ['unknown key `{key}` in {where}', 'unknown key `{key}`'], hint: ['Did you mean `{suggestion}`?', 'Allowed keys: {allowed}.'] },
      splitAtComma: { message: ['unknown key `{key}` in {where}', 'unknown key `{key}`'], hint: COMMA_HINT },
      mergeKey: { message: ['unknown key `{key}` in {where}', 'unknown key `{key}`'], hint: 'YAML merge keys are not supported; share fields with a mixin.' },
    },
  },
  PIKA102: {
    severity: 'error',
    meaning: 'a value of the wrong type',
    fix: '`optional: "yes"` → `optional: true`',
    messages: {
      wrongType: { message: ['{where} must be {expected}, not {found}', 'the file must be {expected}, not {found}'] },
    },
  },
  PIKA103: {
    severity: 'error',
    meaning: 'a required key is missing',
    fix: 'add `type:` to the field',
    messages: {
      missingKey: { message: ['missing key `{key}` in {where}', 'missing key `{key}`'] },
    },
  },
  PIKA104: {
    severity: 'error',
    meaning: 'a value outside what the key allows (enum, empty list, repeated entry, bound)',
    fix: '`onDelete: cascade` → `Cascade`',
    messages: {
      notAllowed: { message: '`{value}` is not allowed for {where}', hint: ['Did you mean `{suggestion}`?', 'Allowed values: {allowed}.'] },
      emptyList: { message: '{where} must not be empty', hint: 'List at least one entry.' },
      emptyMapping: { message: '{where} must not be empty', hint: 'Declare at least one field.' },
      listedTwice: { message: '{where} lists `{value}` twice', hint: 'Remove the repeated entry.' },
      belowMinimum: { message: '{where} must be at least {limit}, not {value}' },
      aboveMaximum: { message: '{where} must be at most {limit}, not {value}' },
      otherSchemaRule: { message: '{where} {schemaMessage}' },
    },
  },

  PIKA201: {
    severity: 'error',
    meaning: 'a name declared twice (any kind, any file)',
    fix: 'rename one; both places are shown',
    messages: {
      declaredTwice: {
        message: ['{kind} `{name}` is already declared in {firstFile}', '{kind} `{name}` is already declared in this file'],
        hint: 'Names are global across model files and kinds; rename one of them.',
        note: '{firstKind} `{name}` is first declared here',
      },
      declaredAsOtherKind: {
        message: ['{kind} `{name}` is already declared as {article} {firstKind} in {firstFile}', '{kind} `{name}` is already declared as {article} {firstKind} in this file'],
        hint: 'Names are global across model files and kinds; rename one of them.',
        note: '{firstKind} `{name}` is first declared here',
      },
    },
  },
  PIKA202: {
    severity: 'error',
    meaning: 'not a valid identifier or database name',
    fix: '`Gym-Class` → `GymClass`; `table: gym_places`',
    messages: {
      declarationName: { message: '{kind} name `{name}` is not a valid identifier', hint: 'Use letters and digits only, starting with a capital letter.' },
      fieldName: { message: 'field name `{name}` is not a valid identifier', hint: 'Use letters and digits only, starting with a lower-case letter.' },
      enumValue: { message: 'enum value `{name}` is not a valid identifier', hint: 'Use upper-case letters, digits and underscores.' },
      databaseName: { message: '{what} `{name}` is not a valid database name', hint: 'Use lower-case snake_case of at most {maxBytes} characters, e.g. `{suggestion}`.' },
    },
  },
  PIKA203: {
    severity: 'error',
    meaning: 'reserved name (keywords, Prisma scalars like `Bytes`, JavaScript globals like `RegExp`, `Object.prototype` members as fields), or a clash between generated names',
    fix: '`Prisma` → `PrismaItem`; rename `UserCreate`',
    messages: {
      generatedNameClash: { message: '{kind} `{name}` clashes in generated code with {otherKind} `{otherName}`: both produce `{clash}`', hint: 'Rename one of them.', note: '{otherKind} `{otherName}` is declared here' },
      reservedName: { message: '{kind} name `{name}` is reserved in generated code', hint: 'Choose another name, e.g. `{suggestion}Item`.' },
      inheritedMember: { message: 'field name `{name}` is reserved: every JavaScript object inherits `{name}`', hint: 'Choose another name; use `map:` to keep the column name.' },
    },
  },
  PIKA204: {
    severity: 'error',
    meaning: 'naming convention (PascalCase / camelCase / UPPER_SNAKE_CASE)',
    fix: '`created_at` → `createdAt` + `map: created_at`',
    messages: {
      notPascalCase: { message: '{kind} name `{name}` is not PascalCase', hint: 'Write it as `{suggestion}`.' },
      notCamelCase: { message: 'field name `{name}` is not camelCase', hint: 'Write it as `{suggestion}`; use `map:` for a different column name.' },
      notUpperSnakeCase: { message: 'enum value `{name}` is not UPPER_SNAKE_CASE', hint: 'Write it as `{suggestion}`.' },
    },
  },
  PIKA205: {
    severity: 'error',
    meaning: 'a field declared twice (model and mixin)',
    fix: 'drop one, or the mixin',
    messages: {
      fieldDeclaredTwice: { message: 'field `{field}` of `{owner}` is declared twice', hint: 'Rename one of them, or drop the mixin that brings it.', note: ['first declared in mixin `{firstMixin}`', 'first declared in `{owner}`'] },
      softDeleteFieldDeclaredTwice: {
        message: 'field `{field}` of `{owner}` is declared twice',
        hint: "`softDelete: true` declares `deletedAt` itself: remove the model's own.",
        note: ['first declared in mixin `{firstMixin}`', 'first declared in `{owner}`'],
      },
    },
  },
  PIKA206: {
    severity: 'error',
    meaning: 'an enum value listed twice',
    fix: 'remove the repeat',
    messages: {
      enumValueTwice: { message: 'enum `{enum}` lists `{value}` twice', hint: 'Remove the repeated value.' },
    },
  },
  PIKA207: {
    severity: 'error',
    meaning: 'two models use the same table, two fields one column, or two keys/indexes one constraint name (PostgreSQL keeps them in one namespace)',
    fix: 'give each its own `table`, `map` or `name`',
    messages: {
      tableTwice: { message: 'table `{table}` is used by two models', hint: 'Give each model its own table.', note: 'model `{otherModel}` maps to it here' },
      columnTwice: { message: '`{field}` and `{otherField}` of model `{model}` are both stored in the column `{column}`', hint: 'Map each field to its own column.', note: '`{otherField}` is stored in `{column}` here' },
      constraintNameTwice: {
        message: 'the constraint name `{name}` is used twice',
        hint: 'PostgreSQL keeps primary keys, unique constraints and indexes in one namespace: give this one another `name`.',
        note: '`{name}` is first used here, in model `{firstModel}`',
      },
    },
  },

  PIKA301: {
    severity: 'error',
    meaning: 'unknown type (did-you-mean; a shape used as a type)',
    fix: '`Strng` → `String`; `type: Json, shape: Address`',
    messages: {
      unknownType: { message: 'unknown type `{type}`', hint: ['Did you mean `{suggestion}`?', 'Use a scalar (String, Int, …), an enum or a model.'] },
      shapeAsType: { message: 'unknown type `{type}`', hint: '`{type}` is a type (a JSON shape): write `type: Json, shape: {type}`.' },
    },
  },
  PIKA302: {
    severity: 'error',
    meaning: 'unknown shape',
    fix: '`shape: Adress` → `Address`',
    messages: {
      unknownShape: { message: 'unknown shape `{shape}`', hint: ['Did you mean `{suggestion}`?', 'Declare it under `types:` in a model file.'] },
    },
  },
  PIKA303: {
    severity: 'error',
    meaning: '`shape` on a non-Json field',
    fix: '`type: Json`',
    messages: {
      shapeOnNonJson: { message: '`shape` applies only to Json fields, not {type}', hint: 'Write `type: Json, shape: {shape}`, or remove `shape`.' },
    },
  },
  PIKA304: {
    severity: 'error',
    meaning: 'unknown mixin',
    fix: '`Timestamp` → `Timestamps`',
    messages: {
      unknownMixin: { message: 'unknown mixin `{mixin}`', hint: ['Did you mean `{suggestion}`?', 'Known mixins: {known}.', 'Declare it under `mixins:` in a model file.'] },
    },
  },
  PIKA305: {
    severity: 'error',
    meaning: 'mixins include each other',
    fix: 'break the cycle',
    messages: {
      mixinCycle: { message: 'mixin cycle: {cycle}', hint: 'A mixin cannot include itself, directly or through other mixins.' },
    },
  },
  PIKA306: {
    severity: 'error',
    meaning: 'invalid native type, argument count or argument range (`VarChar(1..10485760)`, `Timestamp(0..6)`)',
    fix: '`Varchar(20)` → `VarChar(20)`; `"Decimal(10,2)"`',
    messages: {
      notANativeType: { message: '`{text}` is not a native type', hint: 'Write it like `VarChar(255)` or `Decimal(10,2)`.' },
      notForScalar: { message: '`{native}` is not a native type for {scalar}', hint: ['Did you mean `{suggestion}`?', 'Native types for {scalar}: {known}.'] },
      takesNoArguments: { message: '`{native}` takes no arguments, not {count}', hint: 'Write `{native}` without parentheses.' },
      argumentCount: { message: '`{native}` takes {takes}, not {count}', hint: 'Write `{native}` or `{native}({argumentNames})`.' },
      decimalArguments: { message: 'Decimal({precision},{scale}) needs {min} ≤ precision ≤ {max} and scale ≤ precision' },
      emptyText: { message: '{native}(0) cannot hold any text' },
      argumentRange: { message: 'the {what} of {native} must be between {min} and {max}, not {argument}', hint: 'PostgreSQL refuses {native}({plainArgument}).' },
    },
  },
  PIKA307: {
    severity: 'error',
    meaning: 'a mixin or type holds a relation',
    fix: 'move the relation into the models',
    messages: {
      relationOutsideModel: { message: 'a {owner} cannot hold a relation to model `{model}`', hint: 'Declare relations in the models themselves.' },
    },
  },
  PIKA308: {
    severity: 'error',
    meaning: 'a type requires itself through required fields (no finite value)',
    fix: 'make one field of the cycle optional or a list',
    messages: {
      shapeRequiresItself: { message: 'type `{type}` requires itself: {cycle}', hint: 'Make one field of the cycle optional or a list, so a value can end.' },
    },
  },

  PIKA401: {
    severity: 'error',
    meaning: 'a constraint on the wrong type',
    fix: '`minLength` on Int → `min`',
    messages: {
      stringKeyOnNumber: { message: '`{key}` applies to String fields, not {type}', hint: 'Use `min`/`max` for numbers.' },
      stringKeyOnOther: { message: '`{key}` applies to String fields, not {type}' },
      numberKeyOnString: { message: '`{key}` applies to numeric fields, not {type}', hint: 'Use `minLength`/`maxLength` for strings.' },
      numberKeyOnOther: { message: '`{key}` applies to numeric fields, not {type}' },
      listKeyOnSingle: { message: '`{key}` applies to list fields', hint: 'Add `list: true`, or use `minLength`/`maxLength` for a string.' },
    },
  },
  PIKA402: {
    severity: 'error',
    meaning: 'contradictory constraints (min > max, length + maxLength, VarChar narrower than maxLength, min/max beyond SmallInt, Int or Decimal(p,s), a pattern no string within the length limits matches)',
    fix: 'fix the bounds',
    messages: {
      lowerAboveUpper: { message: '`{lowerKey}` ({lower}) is greater than `{upperKey}` ({upper})' },
      lengthWithMinOrMax: { message: '`length` fixes the length exactly; it cannot be combined with `minLength` or `maxLength`' },
      readOnlyAndWriteOnly: { message: 'a field cannot be both `readOnly` and `writeOnly`' },
      patternCannotFitLength: { message: 'no string of {limits} characters matches the pattern of `{field}`', hint: 'Widen the length limits, or change the pattern so its matches fit them.' },
      beyondInt: { message: '`{key}` ({value}) is outside what an Int column holds ({min} to {max})', hint: 'Use `type: BigInt` for larger numbers.' },
      beyondColumn: { message: "`{key}` ({value}) is outside what the column's {db} holds ({min} to {max})", hint: 'Widen the column, or keep `{key}` within {min} to {max}.' },
      longerThanColumn: { message: "`{key}` ({longest}) exceeds the column's {db}", hint: 'Widen the column to `{native}({longest})`, or lower `{key}`.' },
    },
  },
  PIKA403: {
    severity: 'error',
    meaning: 'invalid regular expression',
    fix: '`"^[A-Z+$"` → `"^[A-Z]+$"`',
    messages: {
      invalidPattern: { message: 'the pattern of `{field}` is not a valid regular expression', hint: 'Patterns are ECMAScript regular expressions (with the u flag); escape special characters with a backslash.' },
    },
  },
  PIKA404: {
    severity: 'error',
    meaning: 'invalid default (wrong type, not an enum value, unknown function, null)',
    fix: '`default: ACTVE` → `ACTIVE`; `nwo()` → `now()`',
    messages: {
      unknownFunction: { message: 'unknown default function `{function}`', hint: ['Did you mean `{suggestion}`?', 'Use one of {known}.'] },
      functionDoesNotFit: { message: '`{function}` cannot be the default of a {fieldKind} field', hint: 'It applies to {types} fields.' },
      nullDefault: { message: 'the default of `{field}` cannot be null', hint: 'An optional field is already null when not given; remove `default`.' },
      valueDoesNotFit: { message: 'the default of `{field}` {problem}', hint: ['Did you mean `{suggestion}`?'] },
    },
  },
  PIKA405: {
    severity: 'error',
    meaning: 'an attribute that does not fit (optional id, unique list, updatedAt on String, column key on a relation)',
    fix: 'remove it or move it to the foreign key',
    messages: {
      scalarKeyOnRelation: { message: '`{key}` does not apply to the relation field `{field}`', hint: 'Put it on the foreign-key field instead.' },
      updatedAtNotDateTime: { message: '`updatedAt` applies only to a single DateTime field' },
      optionalId: { message: 'the id field `{field}` cannot be optional' },
      listId: { message: 'the id field `{field}` cannot be a list' },
      uniqueList: { message: '`unique` does not apply to a list field' },
      uniqueId: { message: 'an id is already unique; remove `unique`' },
      idInType: { message: 'a type field cannot be an id' },
    },
  },
  PIKA406: {
    severity: 'error',
    meaning: "the example breaks the field's rules",
    fix: 'give a valid example',
    messages: {
      exampleDoesNotFit: { message: 'example of `{field}` {problem}' },
    },
  },
  PIKA407: {
    severity: 'error',
    meaning: "the field's pattern took more than 1 s on a value (catastrophic backtracking)",
    fix: '`^(a+)+$` → `^a+$`',
    messages: {
      example: { message: 'example of `{field}` {problem}', hint: PATTERN_TOO_SLOW_HINT },
      default: { message: 'the default of `{field}` {problem}', hint: PATTERN_TOO_SLOW_HINT },
      seedValue: { message: 'seed row {row} of `{model}`: `{key}` {problem}', hint: PATTERN_TOO_SLOW_HINT },
    },
  },
  PIKA408: {
    severity: 'warning',
    meaning: 'a pattern PostgreSQL cannot be proved to read the same: no CHECK, API only',
    fix: 'simplify the pattern, or accept the warning',
    messages: {
      patternNotInDatabase: {
        message: 'the pattern has no provably equal PostgreSQL regular expression: no CHECK constraint for it',
        hint: 'Lookaround, backreferences, \\b, \\p{…}, lazy quantifiers and repeats over 255 have no equal in PostgreSQL; the API still enforces the pattern.',
      },
    },
  },

  PIKA501: {
    severity: 'error',
    meaning: 'a model without an id',
    fix: 'add `id: { type: String, id: true, default: cuid() }`',
    messages: {
      noId: { message: 'model `{model}` has no id', hint: 'Add e.g. `id: { type: String, id: true, default: cuid(), readOnly: true }`, or a compound `id: { fields: [...] }`.' },
    },
  },
  PIKA502: {
    severity: 'error',
    meaning: 'more than one id',
    fix: 'keep one, or use a compound `id:`',
    messages: {
      twoIds: { message: 'model `{model}` has more than one id', hint: 'Use one field with `id: true`, or a compound `id: { fields: [...] }` on the model.', note: '`{otherId}` is an id too' },
    },
  },
  PIKA503: {
    severity: 'error',
    meaning: 'an id/index/unique names a missing field or a relation',
    fix: '`fields: [gym]` → `fields: [gymId]`',
    messages: {
      unknownKeyField: { message: 'model `{model}` has no field `{field}`', hint: ['Did you mean `{suggestion}`?', 'Fields of `{model}`: {known}.'] },
      relationAsKeyField: { message: '`{field}` is a relation, not a stored field', hint: ['Use its foreign key: {foreignKey}.'] },
      unknownArchiveField: { message: 'model `{model}` has no field `{field}`', hint: ['Did you mean `{suggestion}`?', 'DateTime fields of `{model}`: {known}.', 'Add a DateTime field such as createdAt (mixin CreatedAt).'] },
    },
  },
  PIKA504: {
    severity: 'error',
    meaning: 'a relation without its back side',
    fix: 'add `equipment: { type: GymEquipment, list: true }` to `Gym`',
    messages: {
      noBackSide: {
        message: 'relation `{model}.{field}` has no back side in model `{target}`',
        hint: [
          'Add `{listName}: { type: {model}, list: true }` with `relation: { name: {relationName} }` to `{target}`.',
          'Add `{listName}: { type: {model}, list: true }` to `{target}`.',
          'Add `{singleName}: { type: {model}, relation: { fields: [{singleName}Id], references: [id] } }` with its foreign key with `relation: { name: {relationName} }` to `{target}`.',
          'Add `{singleName}: { type: {model}, relation: { fields: [{singleName}Id], references: [id] } }` with its foreign key to `{target}`.',
        ],
      },
    },
  },
  PIKA505: {
    severity: 'error',
    meaning: 'two relations between the same models without names, or a self-relation without a name',
    fix: 'add the same `relation: { name: … }` to each pair',
    messages: {
      ambiguousRelation: { message: '{end} is ambiguous: it could pair with {others}', hint: 'Give each pair of fields the same `relation: { name: … }` on both sides.' },
      unnamedSelfRelation: { message: 'the self-relation `{model}.{field}` needs a name', hint: 'Give both ends of the relation the same `relation: { name: … }`; Prisma cannot tell them apart otherwise.' },
    },
  },
  PIKA506: {
    severity: 'error',
    meaning: 'foreign key does not match (missing field, type, native type or format, count, non-unique reference, optionality, SetNull on a key with a required field, back side with keys)',
    fix: 'declare `gymId` as the type of `Gym.id`; drop its `db:`',
    messages: {
      keysWithoutFields: { message: 'relation `{relation}` has `{key}` but no `fields` (its foreign key)', hint: 'Only the side that holds the foreign key takes `references`, `onDelete` and `onUpdate`; the back side takes only `name`.' },
      fieldsWithoutReferences: { message: 'relation `{relation}` names `fields` but not `references`', hint: "Add `references: [id]` (the referenced model's key)." },
      countMismatch: { message: '`fields` has {fieldCount} {entries} but `references` has {referenceCount}' },
      unknownLocalField: { message: 'model `{model}` has no stored field `{field}`', hint: ['Did you mean `{suggestion}`?', 'Declare `{field}` with the type of `{target}.{reference}`.'] },
      unknownReferencedField: { message: 'model `{target}` has no stored field `{reference}`', hint: ['Did you mean `{suggestion}`?'] },
      typeMismatch: { message: '`{model}.{field}` is {type} but references `{target}.{reference}`, which is {referencedType}', hint: 'Declare `{field}` as {referencedType}.' },
      listForeignKey: { message: 'the foreign key `{field}` cannot be a list' },
      attributeMismatch: {
        message: '`{model}.{field}` has {what} {mine} but references `{target}.{reference}`, which has {theirs}',
        hint: ['Remove `{key}` from `{field}`: a foreign key takes the {what} of the key it references ({referencedValue}).', 'Remove `{key}` from `{field}`: a foreign key takes the {what} of the key it references.'],
      },
      referenceNotUnique: { message: '`{references}` of `{target}` is not an id or unique, so it cannot be referenced', hint: 'Reference the id, or declare the referenced fields unique.' },
      referencePartlyUnique: {
        message: '`{references}` of `{target}` is not an id or unique, so it cannot be referenced',
        hint: 'Reference the id: a unique with `where:`, an expression or `softDelete: true` covers some rows or values only.',
      },
      optionalRelationRequiredKey: { message: 'relation `{relation}` is optional but its foreign key is required', hint: 'Make the foreign key optional too, or remove `optional` from `{relation}`.' },
      requiredRelationOptionalKey: { message: 'relation `{relation}` is required but its foreign key is optional', hint: 'Add `optional: true` to `{relation}` too.' },
      setNullRequiredKey: { message: '`{action}: SetNull` needs an optional foreign key', hint: 'Make the foreign key optional, or use Cascade or Restrict.' },
      setNullRequiredField: { message: '`{action}: SetNull` would set `{field}` to null, but it is required', hint: 'Every field of a foreign key that SetNull clears must be optional; or use Cascade or Restrict.' },
    },
  },
  PIKA507: {
    severity: 'error',
    meaning: 'invalid relation (no side or both sides hold the key, key on the list side, 1:1 rules, `relation` on a scalar)',
    fix: 'keep `fields`/`references` on the single side',
    messages: {
      relationOnScalar: { message: 'field `{field}` has `relation` but its type `{type}` is not a model', hint: 'Put `relation` on the field whose `type` is the related model; the foreign-key field needs none.' },
      manyToManyKeys: { message: '{end} is one side of a many-to-many relation, which has no foreign key', hint: 'Remove `fields`/`references`; Prisma keeps the pairs in a join table.' },
      neitherSideHoldsKey: { message: 'neither side of the relation between {endA} and {endB} holds the foreign key', hint: 'Add `relation: { fields: [...], references: [...] }` to {single}.' },
      bothSidesHoldKey: { message: 'both {endA} and {endB} declare a foreign key', hint: 'Keep `fields`/`references` on one side only.' },
      keyOnListSide: { message: '{end} holds the foreign key, so it cannot be a list', hint: 'Move `relation` to {back}.' },
      oneToOneBackSideRequired: { message: '{end} is the back side of a one-to-one relation, so it must be optional', hint: 'Add `optional: true`.' },
      oneToOneKeyNotUnique: { message: 'the one-to-one relation {end} needs its foreign key ({foreignKey}) to be unique', hint: 'Add `unique: true` to the foreign-key field, or make {back} a list.' },
    },
  },
  PIKA508: {
    severity: 'error',
    meaning: 'invalid archive policy (`by` is not a DateTime field, or other models refer to the model)',
    fix: '`archive: { afterDays: 365, by: createdAt }` on a log-like model',
    messages: {
      byNotDateTime: { message: 'archive policy of `{model}`: `{field}` is a {found}, not a DateTime field', hint: ['Did you mean `{suggestion}`?', 'DateTime fields of `{model}`: {known}.', 'Add a DateTime field such as createdAt (mixin CreatedAt).'] },
      referencedModel: { message: 'archive policy of `{model}`: {referrers} {refer} to it, so moving its rows away would break those references', hint: 'Archive only models nothing refers to (logs, events), or archive the referring rows with them.' },
    },
  },
  PIKA509: {
    severity: 'error',
    meaning: 'invalid model check (not `<field> <op> <field or number>`, unknown field, a string or list, number vs date-time, a name used twice)',
    fix: '`endTime > startTim` → `startTime`',
    messages: {
      nameTwice: { message: 'model `{model}` has two checks named `{name}`', hint: 'Give each check its own name.' },
      notARule: { message: '`{rule}` is not a check rule', hint: 'Write `<field> <op> <field or number>` with op one of < <= > >= = !=, e.g. `endTime > startTime`.' },
      unknownField: { message: 'model `{model}` has no stored field `{field}`', hint: ['Did you mean `{suggestion}`?'] },
      notComparable: { message: '`{field}` is {found}; checks compare single numbers or date-times' },
      numberWithDateTime: { message: '`{rule}` compares a number with a date-time' },
    },
  },
  PIKA510: {
    severity: 'error',
    meaning: 'invalid partial or expression index (an unknown index function, an expression in the id or on a non-String field, a `where:` that is not `<field> IS [NOT] NULL` or `<field> <op> <literal>` joined by AND, or a literal of the wrong type)',
    fix: '`where: "deletedAt IS NULL"`; `fields: [lower(email)]`',
    messages: {
      unknownFunction: { message: '`{function}` is not an index function', hint: ['Write {forms}; other expressions are not supported.', 'A primary key takes plain field names.'] },
      expressionInId: { message: 'a primary key cannot hold an expression', hint: 'Index the expression in `indexes:` or `uniques:` instead.' },
      expressionNotOnString: { message: '`{function}()` applies to a single String field; `{field}` is {found}' },
      notACondition: {
        message: '`{text}` is not an index condition: {error}',
        hint: 'Write `<field> IS NULL`, `<field> IS NOT NULL` or `<field> <op> <value>`, joined by AND, e.g. `deletedAt IS NULL`.',
      },
      unknownConditionField: { message: 'model `{model}` has no stored field `{field}`', hint: ['Use its foreign key: {foreignKey}.', 'Did you mean `{suggestion}`?'] },
      literalMismatch: { message: '`{field}` {problem}' },
    },
  },

  PIKA601: {
    severity: 'error',
    meaning: 'invalid seed row (unknown field, wrong value, missing required field, a foreign key matching no seed row of the target)',
    fix: 'set `gymId`, not `gym`',
    messages: {
      notAStoredField: {
        message: 'seed row {row} of `{model}` sets `{key}`, which is not a stored field',
        hint: ['`{key}` was renamed to `{renamedTo}`.', 'Give the foreign key instead: {foreignKey}.', "`{backSide}` is the back side of a relation; seed it from the other model's foreign key.", 'Did you mean `{suggestion}`?', 'Stored fields of `{model}`: {known}.'],
      },
      splitAtComma: { message: 'seed row {row} of `{model}` sets `{key}`, which is not a stored field', hint: COMMA_HINT },
      valueDoesNotFit: { message: 'seed row {row} of `{model}`: `{key}` {problem}' },
      missingRequiredField: { message: 'seed row {row} of `{model}` lacks the required field `{field}`', hint: 'Add `{field}`.' },
      sharedUnique: { message: 'seed rows {firstRow} and {row} of `{model}` share the unique {values}', hint: 'Give each row its own value; the database would refuse the second row.', note: 'seed row {firstRow} has it' },
      danglingReference: {
        message: 'seed row {row} of `{model}` refers to {values}, which matches no seed row of `{target}`',
        hint: ['Seed rows of `{target}` have {references}: {known}.', 'Give `{target}` a seed row with that {references}.'],
      },
      selfLinks: { message: 'seed row {row} of `{model}`: `{key}` links a model to itself, which seed rows cannot state yet', hint: 'Link the rows in a migration data step instead.' },
      linksWithoutSingleId: {
        message: 'seed row {row} of `{model}`: `{key}` links to `{target}`, which has no single-field id',
        hint: 'Give it a single-field id (Prisma requires one for a many-to-many relation).',
      },
      linksNotAList: { message: 'seed row {row} of `{model}`: `{key}` must be a list of `{target}` ids', hint: 'e.g. {key}: [<{id} of a {target} seed row>]' },
      danglingLink: {
        message: 'seed row {row} of `{model}`: `{key}` links to {id} {value}, which matches no seed row of `{target}`',
        hint: ['Seed rows of `{target}` have {id}: {known}.', 'Give `{target}` a seed row with that {id}.'],
      },
    },
  },
} as const satisfies Readonly<Record<string, CodeEntry>>

/**
 * Why a literal (a default, an example, a seed value) does not fit its field: the `{problem}` of
 * PIKA404, PIKA406, PIKA407 and PIKA601, which say whose value it is.
 */
export const valueProblems = {
  required: 'is required',
  notAList: 'must be a list, not {value}',
  tooFewItems: 'must have at least {limit} item(s), not {count}',
  tooManyItems: 'must have at most {limit} item(s), not {count}',
  notAnEnumValue: 'must be one of {values}, not {value}',
  relationValue: 'cannot be given for a relation to `{type}`',
  notAString: 'must be a string, not {value}',
  notAnInteger: 'must be an integer, not {value}',
  beyondInt32: 'must fit in 32 bits (use BigInt for larger numbers)',
  notANumber: 'must be a number, not {value}',
  tooPreciseForJson: 'has {digits} significant digits; a JSON number keeps 15 exactly',
  notABoolean: 'must be true or false, not {value}',
  notADateTime: 'must be an ISO 8601 date-time such as 2026-01-31T09:00:00Z, not {value}',
  notBase64: 'must be a base64 string',
  notAShapeMapping: 'must be a mapping ({shape}), not {value}',
  notAShapeField: 'is not a field of {shape}',
  wrongLength: 'must be exactly {length} characters long',
  tooShort: 'must be at least {limit} characters long',
  tooLong: 'must be at most {limit} characters long',
  notInFormat: 'must be a valid {format}, not "{value}"',
  patternTooSlow: 'cannot be checked: the pattern {pattern} took more than {budgetMs} ms on it',
  noPatternMatch: 'must match the pattern {pattern}',
  belowMin: 'must be at least {limit}',
  aboveMax: 'must be at most {limit}',
} as const satisfies Readonly<Record<string, string>>

/** A text, or alternatives of which the first with all its parameters given is used. */
export type TemplateText = string | readonly string[]

export interface MessageTemplate {
  readonly message: TemplateText
  readonly hint?: TemplateText
  /** The text shown with the related place, when the call site gives one. */
  readonly note?: TemplateText
}

export interface CodeEntry {
  readonly severity: Severity
  /** What the code covers, for the docs table. */
  readonly meaning: string
  /** An example fix, for the docs table. */
  readonly fix: string
  readonly messages: Readonly<Record<string, MessageTemplate>>
}

export type DiagnosticCode = keyof typeof diagnosticCodes
