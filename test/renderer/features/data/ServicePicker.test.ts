// The picker's rendering and retry are exercised through DataBrowser.test.tsx.
import { describe, expect, it } from 'vitest';
import type { DfService } from '../../../../shared/df/api.ts';
import { serviceOptions } from '../../../../renderer/features/data/ServicePicker.tsx';

const services: DfService[] = [
  { name: 'system', label: 'System Management', group: 'System' },
  { name: 'db', label: 'Local SQL Database', group: 'Database' },
  { name: 'files', label: 'files', group: 'File' },
];

describe('serviceOptions', () => {
  it('offers databases only while DF groups services and the box is ticked', () => {
    expect(serviceOptions(services, true, 'db')).toEqual({
      grouped: true,
      options: [{ value: 'db', label: 'Local SQL Database (db)' }],
    });
    expect(serviceOptions(services, false, 'db').options.map((option) => option.label)).toEqual([
      'System Management (system)',
      'Local SQL Database (db)',
      'files',
    ]);
    const ungrouped = services.map(({ name, label }) => ({ name, label }));
    expect(serviceOptions(ungrouped, true, '')).toMatchObject({ grouped: false });
    expect(serviceOptions(ungrouped, true, '').options).toHaveLength(3);
  });

  it('keeps the picked service offered when the filter hides it', () => {
    expect(serviceOptions(services, true, 'files').options[0]).toEqual({ value: 'files', label: 'files' });
  });
});
