import { useEffect, useState } from 'react';
import { type DfHttp, type DfTableSchema, schema as readSchema } from '../../../shared/df/api.ts';

/** What the grid works with when the schema cannot be read: no fields, no key. */
function unknownSchema(table: string): DfTableSchema {
  return { name: table, label: table, primaryKey: [], fields: [] };
}

/** One table's schema; null while it first loads. A new `generation` reads it again (a role may see more now). */
export function useTableSchema(api: DfHttp, service: string, table: string, generation = 0): DfTableSchema | null {
  const [schema, setSchema] = useState<DfTableSchema | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is a reload trigger.
  useEffect(() => {
    let live = true;
    readSchema(api, service, table).then(
      (loaded) => live && setSchema(loaded),
      // Views and restricted roles may not expose a schema; the grid then guesses columns from the rows.
      () => live && setSchema(unknownSchema(table)),
    );
    return () => {
      live = false;
    };
  }, [api, service, table, generation]);
  return schema;
}
