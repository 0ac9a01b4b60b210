import type { DataPath, SourceFile } from '../load/source-file.ts'
import type { IrLocation } from './types.ts'

/** The IR's plain form of a place in a model file: resolved to a line and column only when printed. */
export const irLocation = (source: SourceFile, path: DataPath, part: IrLocation['part'] = 'value'): IrLocation => ({ file: source.file, path, part })
