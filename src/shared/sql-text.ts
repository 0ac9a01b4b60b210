// Quoting for SQL text, shared by the run-time package and the compiler (which emits managed SQL);
// a leaf module, so the compiler's bundle does not pull in the database code.

/** A PostgreSQL identifier, double-quoted: any name, taken exactly as it is (case included). */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** A PostgreSQL string literal (standard_conforming_strings: only quotes are doubled). */
export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`
