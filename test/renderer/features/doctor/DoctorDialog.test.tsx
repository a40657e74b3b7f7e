// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DoctorDialog } from '../../../../renderer/features/doctor/DoctorDialog.tsx';
import { cleanup, getByRole, getByText, keyDown, waitFor } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';
import { doctorFacts, serverFacts, signedInSession } from './doctorFacts.ts';

afterEach(cleanup);

describe('DoctorDialog', () => {
  it('checks the instance, and a check makes the sign-in form ask the server again', async () => {
    const instance = anInstance();
    const desk = new FakeDesk({
      'instances.doctor': () => ({ ...doctorFacts(serverFacts(true), signedInSession(true)), url: instance.url }),
      'instances.probe': () => aProbeReport(),
    });
    const onClose = vi.fn();
    const { state } = renderWithDesk(<DoctorDialog instance={instance} status={aStatus()} onClose={onClose} />, desk);
    await state.probe(instance.url);
    const dialog = getByRole('dialog', { name: `Forever sessions on ${instance.name}` });
    await waitFor(() => getByText('Forever sessions work: this session’s token is forever.'));
    expect(desk.payloads('instances.doctor')).toEqual([{ id: instance.id }]);
    await state.probe(instance.url);
    expect(desk.payloads('instances.probe')).toHaveLength(2);
    keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});
