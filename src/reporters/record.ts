/** The JSON Lines record a document is, for the reports that name it. */
import type {VFile} from 'vfile'

/** Where a JSON Lines record's document came from (src/formats/read.ts sets it on `file.data.record`). */
export interface RecordData {
  file: string
  line: number
  id?: string
}

export function recordOf(file: VFile): RecordData | undefined {
  const record = file.data.record as Partial<RecordData> | undefined
  return record && typeof record.file === 'string' && typeof record.line === 'number' ? (record as RecordData) : undefined
}
