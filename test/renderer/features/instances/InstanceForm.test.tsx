// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewInstance } from '../../../../shared/ipc/contract.ts';
import { InstanceForm } from '../../../../renderer/features/instances/InstanceForm.tsx';
import { cleanup, click, flush, getByLabel, getByRole, getByText, queryAllByLabel, queryByRole, queryByText, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

function addDesk() {
  return new FakeDesk({
    'instances.add': (input: NewInstance) => anInstance({ id: 'new1', name: input.name, url: input.url }),
    'instances.probe': () => aProbeReport(),
  });
}

function fill(name: string, url: string) {
  typeInto(getByLabel('Name'), name);
  typeInto(getByLabel('URL'), url);
}

describe('InstanceForm (add)', () => {
  it('refuses an empty name and URL, says why, and saves nothing', async () => {
    const desk = addDesk();
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    click(getByRole('button', { name: 'Save instance' }));
    expect(getByText('Give the instance a name.')).toBeTruthy();
    expect(getByText('Enter the instance URL.')).toBeTruthy();
    expect(getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(desk.calls).toHaveLength(0);
  });

  it('refuses a URL that is not http(s) and a colour that is not #rrggbb', () => {
    const desk = addDesk();
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    fill('Dev', 'ftp://df.example.com');
    typeInto(getByLabel('Color'), 'red');
    click(getByRole('button', { name: 'Save instance' }));
    expect(getByText(/Enter a full http:\/\/ or https:\/\/ URL/)).toBeTruthy();
    expect(getByText('Colors are #rrggbb, e.g. #1e66f5.')).toBeTruthy();
    expect(desk.calls).toHaveLength(0);
  });

  it('warns about plain HTTP only for another host, and needs the explicit checkbox', async () => {
    const desk = addDesk();
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm onSaved={onSaved} onCancel={vi.fn()} />, desk);
    fill('Loopback', 'http://127.0.0.1:8080');
    expect(queryAllByLabel(/Allow plain HTTP/)).toHaveLength(0);
    typeInto(getByLabel('URL'), 'https://df.example.com');
    expect(queryAllByLabel(/Allow plain HTTP/)).toHaveLength(0);
    typeInto(getByLabel('URL'), 'http://df.example.com');
    expect(getByText(/Plain HTTP to another machine/)).toBeTruthy();

    click(getByRole('button', { name: 'Save instance' }));
    expect(getByText(/Tick the box to allow plain HTTP/)).toBeTruthy();
    expect(desk.calls).toHaveLength(0);

    click(getByLabel('Allow plain HTTP to this host (not encrypted)'));
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(desk.payloads('instances.add')[0]).toMatchObject({ url: 'http://df.example.com', allowInsecureHttp: true });
  });

  it('item5-api-key-control-characters: a pasted key with a tab is refused in the form, not stripped; spaces around it go', async () => {
    const desk = addDesk();
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm onSaved={onSaved} onCancel={vi.fn()} />, desk);
    fill('DF', 'https://df.example.com');
    typeInto(getByLabel('API key'), 'key-123\t');
    click(getByRole('button', { name: 'Save instance' }));
    expect(getByText(/contains a control character/)).toBeTruthy();
    expect(getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    expect(desk.calls).toHaveLength(0);
    typeInto(getByLabel('API key'), '  key-123  ');
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(desk.payloads('instances.add')[0]).toMatchObject({ apiKey: 'key-123' });
  });

  it('sends the typed fields, the key only when given, and a preset colour', async () => {
    const desk = addDesk();
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm onSaved={onSaved} onCancel={vi.fn()} />, desk);
    fill('  Staging EU ', 'https://stage.example.com');
    typeInto(getByLabel('API key'), 'key-123');
    click(getByRole('radio', { name: 'Preset red' }));
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'new1' })));
    expect(desk.payloads('instances.add')).toEqual([
      {
        name: 'Staging EU',
        url: 'https://stage.example.com',
        apiKey: 'key-123',
        tag: 'dev',
        color: '#c62828',
        favorite: false,
        allowInsecureHttp: false,
      },
    ]);
  });

  it('shows the server refusal when saving fails', async () => {
    const desk = new FakeDesk({
      'instances.add': () => {
        throw failWith('invalid-input', 'An instance with this URL exists already.');
      },
    });
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    fill('Dup', 'https://df.example.com');
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(getByText('An instance with this URL exists already.')).toBeTruthy());
    expect(getByRole('alert').textContent).toContain('Could not save the instance.');
  });
});

describe('InstanceForm: Test connection', () => {
  it('probes the typed URL and key and shows the checklist', async () => {
    const desk = addDesk();
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    fill('Dev', 'https://df.example.com');
    typeInto(getByLabel('API key'), 'k1');
    click(getByRole('button', { name: 'Test connection' }));
    expect(getByRole('button', { name: 'Test connection' }).getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(getByRole('list', { name: 'Connection checks' })).toBeTruthy());
    expect(desk.payloads('instances.probe')).toEqual([{ url: 'https://df.example.com', apiKey: 'k1' }]);
    expect(getByRole('button', { name: 'Test connection' }).getAttribute('aria-busy')).toBeNull();
  });

  it('does not probe an invalid URL', () => {
    const desk = addDesk();
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'not a url');
    click(getByRole('button', { name: 'Test connection' }));
    expect(desk.calls).toHaveLength(0);
    expect(getByText(/Enter a full http/)).toBeTruthy();
  });

  it('explains an unreachable server', async () => {
    const desk = new FakeDesk({
      'instances.probe': () => {
        throw failWith('network', 'connect ECONNREFUSED 127.0.0.1:9');
      },
    });
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'http://127.0.0.1:9');
    click(getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(getByText(/ECONNREFUSED/)).toBeTruthy());
    expect(getByText(/Check the URL, your network or VPN/)).toBeTruthy();
  });
});

describe('InstanceForm (edit)', () => {
  it('keeps the stored key unless a new one is typed or removal is ticked', async () => {
    const instance = anInstance({ id: 'stage1', name: 'Stage', url: 'https://stage.example.com', tag: 'staging' });
    const desk = new FakeDesk({ 'instances.update': ({ patch: { trustedCertificateSha256: _pin, ...patch } }) => ({ ...instance, ...patch, hasApiKey: true }) });
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm instance={instance} onSaved={onSaved} onCancel={vi.fn()} />, desk);
    expect(getByLabel<HTMLInputElement>('Name').value).toBe('Stage');
    typeInto(getByLabel('Name'), 'Stage EU');
    click(getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    click(getByLabel('Forget the stored key'));
    click(getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    const [first, second] = desk.payloads('instances.update');
    expect(first?.id).toBe('stage1');
    expect(first?.patch).toMatchObject({ name: 'Stage EU', tag: 'staging' });
    expect(first?.patch).not.toHaveProperty('apiKey');
    expect(second?.patch.apiKey).toBeNull();
    expect(queryByText(/Plain HTTP/)).toBeNull();
  });
});

describe('InstanceForm: saving after a failed connection test (item 16)', () => {
  const keyRefused = aProbeReport({
    apiKeyAccepted: false,
    checks: [
      { id: 'reachable', ok: true, label: 'Server reachable', detail: 'Answered in 12 ms' },
      { id: 'dreamfactory', ok: true, label: 'DreamFactory API', detail: 'GET /api/v2/system/environment answered' },
      {
        id: 'api-key',
        ok: false,
        label: 'API key accepted',
        detail: 'DreamFactory did not accept the API key: no app has this key, or the app has no default role.',
      },
      { id: 'forever-sessions', ok: false, label: 'Remember me (forever sessions)', detail: 'Off.' },
    ],
  });

  function probedDesk(probe: () => unknown) {
    return new FakeDesk({
      'instances.add': (input: NewInstance) => anInstance({ id: 'new1', name: input.name, url: input.url }),
      'instances.probe': probe as () => ReturnType<typeof aProbeReport>,
    });
  }

  async function testConnection() {
    click(getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(getByRole('button', { name: 'Test connection' }).getAttribute('aria-busy')).toBeNull());
  }

  it('item 16: warns, naming the failed check, and saves only when the user says "Save anyway"', async () => {
    const desk = probedDesk(() => keyRefused);
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm onSaved={onSaved} onCancel={vi.fn()} />, desk);
    fill('Dev', 'https://df.example.com');
    typeInto(getByLabel('API key'), 'wrong-key');
    await testConnection();

    click(getByRole('button', { name: 'Save instance' }));
    const warning = await waitFor(() => getByRole('alertdialog', { name: 'Save despite the failed connection test?' }));
    expect(warning.textContent).toContain('API key accepted — DreamFactory did not accept the API key');
    // "Remember me" off is a server setting, not a failed connection.
    expect(warning.textContent).not.toContain('Remember me');
    expect(warning.textContent).toContain('fix this later in Edit instance');
    click(getByRole('button', { name: 'Cancel' }, warning));
    await flush();
    expect(desk.payloads('instances.add')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();

    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => getByRole('alertdialog'));
    click(getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(desk.payloads('instances.add')[0]).toMatchObject({ url: 'https://df.example.com', apiKey: 'wrong-key' });
  });

  it('item 16: warns when the test could not run at all (unreachable server)', async () => {
    const desk = probedDesk(() => {
      throw failWith('network', 'connect ECONNREFUSED 127.0.0.1:9');
    });
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    fill('Down', 'http://127.0.0.1:9');
    await testConnection();
    click(getByRole('button', { name: 'Save instance' }));
    const warning = await waitFor(() => getByRole('alertdialog'));
    expect(warning.textContent).toContain('The connection test could not run — connect ECONNREFUSED 127.0.0.1:9');
  });

  it('item 16: no warning after a passing test, nor once the URL or key changed since the failed one', async () => {
    const passing = probedDesk(() => aProbeReport());
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm onSaved={onSaved} onCancel={vi.fn()} />, passing);
    fill('Dev', 'https://df.example.com');
    await testConnection();
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(queryByRole('alertdialog')).toBeNull();
    await cleanup();

    const failing = probedDesk(() => keyRefused);
    const savedLater = vi.fn();
    renderWithDesk(<InstanceForm onSaved={savedLater} onCancel={vi.fn()} />, failing);
    fill('Dev', 'https://df.example.com');
    typeInto(getByLabel('API key'), 'wrong-key');
    await testConnection();
    typeInto(getByLabel('API key'), 'fixed-key');
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(savedLater).toHaveBeenCalledTimes(1));
    expect(queryByRole('alertdialog')).toBeNull();
  });
});
