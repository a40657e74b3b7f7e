import { useEffect, useMemo, useState } from 'react';
import { describeRecordKey, writableKey } from '../../../shared/df/api.ts';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { rememberedView, rememberView } from './browseMemory.ts';
import { RecordEditor } from './RecordEditor.tsx';
import { RecordsFilter } from './RecordsFilter.tsx';
import { RecordsPager } from './RecordsPager.tsx';
import { RecordsTable } from './RecordsTable.tsx';
import { gridColumns } from './recordValues.ts';
import { useRecordsPage } from './useRecordsPage.ts';
import { useRecordWrites } from './useRecordWrites.ts';
import { useTableSchema } from './useTableSchema.ts';

export interface RecordsViewProps {
  instance: Instance;
  service: string;
  table: string;
  /** Goes up when the instance or the signed-in user changed: the page and schema are read again. */
  generation?: number;
}

/** One table's records, a page at a time: large tables are never loaded whole. */
export function RecordsView({ instance, service, table, generation = 0 }: RecordsViewProps) {
  const state = useDeskState();
  const api = state.client.api(instance.id);
  const schema = useTableSchema(api, service, table, generation);
  const [before] = useState(() => rememberedView(state.views, instance.id, service, table));
  const view = useRecordsPage(api, service, table, generation, before);
  const { limit, offset, filter, sort } = view;
  useEffect(
    () => rememberView(state.views, instance.id, service, table, { limit, offset, filter, sort }),
    [state, instance.id, service, table, limit, offset, filter, sort],
  );
  const records = view.page?.records ?? [];
  const columns = useMemo(() => gridColumns(schema, records), [schema, records]);
  const primaryKey = writableKey(schema, columns);
  const writes = useRecordWrites({ instance, api, service, table, primaryKey }, view.reload);
  const editing = writes.editing;
  const { loading, error } = view;

  return (
    <section className="records" aria-label={`Records of ${table}`}>
      <div className="records-toolbar">
        <RecordsFilter service={service} table={table} applied={view.filter} onApply={view.setFilter} />
        <div className="toolbar-actions">
          <Button onClick={view.reload} busy={loading}>
            Reload
          </Button>
          <Button variant="primary" onClick={() => writes.setEditing({ mode: 'create' })} disabled={columns.length === 0}>
            New record
          </Button>
        </div>
      </div>
      <ErrorAlert error={error} title={error?.kind === 'bad-request' ? 'DreamFactory rejected the query.' : undefined} />
      <ErrorAlert error={writes.actionError} />
      <div className="grid-wrap" aria-busy={loading}>
        <RecordsTable
          where={`${service}.${table}`}
          columns={columns}
          records={records}
          primaryKey={primaryKey}
          shownAt={view.page?.offset ?? 0}
          sort={view.sort}
          onSort={view.sortBy}
          deleting={writes.deleting}
          onEdit={(record, key) => writes.setEditing({ mode: 'edit', record, key })}
          onDelete={writes.remove}
        />
        {!loading && !error && records.length === 0 && (
          <p className="empty">{view.filter ? 'No records match the filter.' : 'This table is empty.'}</p>
        )}
      </div>
      <RecordsPager
        offset={view.offset}
        limit={view.limit}
        shownAt={view.page?.offset ?? 0}
        shown={records.length}
        total={view.page?.count}
        lastOffset={view.lastOffset}
        loading={loading}
        onOffset={view.setOffset}
        onLimit={view.setLimit}
      />
      {editing && (
        <RecordEditor
          instanceId={instance.id}
          title={editing.mode === 'edit' ? `Edit record ${describeRecordKey(editing.key)}` : `New record in ${table}`}
          columns={columns}
          {...(editing.mode === 'edit' ? { record: editing.record } : {})}
          onSave={writes.save}
          onClose={() => writes.setEditing(null)}
        />
      )}
    </section>
  );
}
