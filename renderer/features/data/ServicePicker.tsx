import { useState } from 'react';
import type { DfService } from '../../../shared/df/api.ts';
import { CheckboxField, SelectField } from '../../ui/Field.tsx';
import type { ServiceListState } from './useDataSources.ts';

/** The services offered: databases only while DF groups them (≥2.9) and the box is ticked; the picked one always. */
export function serviceOptions(all: readonly DfService[], databasesOnly: boolean, picked: string) {
  const grouped = all.some((item) => item.group !== undefined);
  const databases = all.filter((item) => item.group === 'Database');
  const shown = grouped && databasesOnly && databases.length > 0 ? databases : all;
  const options = shown.map((item) => ({
    value: item.name,
    label: item.label !== item.name ? `${item.label} (${item.name})` : item.name,
  }));
  if (picked && !shown.some((item) => item.name === picked)) options.unshift({ value: picked, label: picked });
  return { grouped, options };
}

export function ServicePicker({ list }: { list: ServiceListState }) {
  const [databasesOnly, setDatabasesOnly] = useState(true);
  const { services, service } = list;
  if (services.phase === 'loading') {
    return (
      <p className="muted" aria-busy="true">
        Loading services…
      </p>
    );
  }
  // Why, and the Reload, are beside the list (ServicesProblem): this column is too narrow for DF's words.
  if (services.phase === 'failed') return <p className="muted">No services listed.</p>;
  if (services.phase !== 'done') return null;
  const { grouped, options } = serviceOptions(services.value, databasesOnly, service);
  return (
    <>
      <SelectField
        label="Service"
        value={service}
        options={options.length > 0 ? options : [{ value: '', label: 'No services' }]}
        onValue={list.setService}
      />
      {grouped && <CheckboxField label="Databases only" checked={databasesOnly} onChecked={setDatabasesOnly} />}
    </>
  );
}
