/**
 * The catalogue of diagnostic codes. Codes are stable: tests, docs and users' searches refer to them,
 * so a code is never reused for a different problem. Grouped by hundreds: 0 files, 1 schema, 2 names,
 * 3 types and mixins, 4 constraints and defaults, 5 ids, indexes and relations, 6 seed rows.
 */
export const diagnosticCodes = {
  PIKA001: 'YAML syntax error',
  PIKA002: 'empty model file',
  PIKA003: 'model file is not a mapping',
  PIKA004: 'model file too large',
  PIKA005: 'YAML aliases expand too far',
  PIKA006: 'forbidden key',
  PIKA007: 'model file name is not kebab-case',
  PIKA008: 'no model files',
  PIKA009: 'duplicate key',
  PIKA010: 'unreadable model file',
  PIKA011: 'YAML nested too deeply',
  PIKA012: 'model file links outside the models folder',

  PIKA101: 'unknown key',
  PIKA102: 'wrong value type',
  PIKA103: 'missing key',
  PIKA104: 'invalid value',

  PIKA201: 'duplicate name',
  PIKA202: 'invalid identifier',
  PIKA203: 'reserved name',
  PIKA204: 'naming convention',
  PIKA205: 'duplicate field',
  PIKA206: 'duplicate enum value',
  PIKA207: 'duplicate database name',

  PIKA301: 'unknown type',
  PIKA302: 'unknown shape',
  PIKA303: 'shape on a non-Json field',
  PIKA304: 'unknown mixin',
  PIKA305: 'mixin cycle',
  PIKA306: 'invalid native database type',
  PIKA307: 'type not allowed here',
  PIKA308: 'shape requires itself',

  PIKA401: 'constraint does not fit the type',
  PIKA402: 'contradictory constraints',
  PIKA403: 'invalid pattern',
  PIKA404: 'invalid default',
  PIKA405: 'attribute does not fit the field',
  PIKA406: 'example does not fit the field',
  PIKA407: 'pattern too slow to check',
  PIKA408: 'rule the database cannot enforce (warning)',

  PIKA501: 'model without an id',
  PIKA502: 'more than one id',
  PIKA503: 'unknown field',
  PIKA504: 'relation without a back side',
  PIKA505: 'ambiguous relation',
  PIKA506: 'relation keys do not match',
  PIKA507: 'invalid relation',
  PIKA508: 'invalid archive policy',
  PIKA509: 'invalid model check',
  PIKA510: 'invalid partial or expression index',

  PIKA601: 'invalid seed row',
} as const

export type DiagnosticCode = keyof typeof diagnosticCodes
