import { useEffect, useState } from 'react';
import { type DfHttp, type DfTableSchema, schema as readSchema } from '../../../shared/df/api.ts';

/** What the grid works with when the schema cannot be read: no fields, no key. */
function unknownSchema(table: string): DfTableSchema {
  return { name: table, label: table, primaryKey: [], fields: [] };
}

/** One table's schema; null while it loads. */
export function useTableSchema(api: DfHttp, service: string, table: string): DfTableSchema | null {
  const [schema, setSchema] = useState<DfTableSchema | null>(null);
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
  }, [api, service, table]);
  return schema;
}
