// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DoctorButton } from '../../../../renderer/features/doctor/DoctorButton.tsx';
import { cleanup, click, getByRole, getByText, keyDown, queryByRole, waitFor } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';
import { doctorFacts, serverFacts, signedInSession } from './doctorFacts.ts';

afterEach(cleanup);

describe('DoctorButton', () => {
  it('opens the doctor for the instance, and a check makes the sign-in form ask the server again', async () => {
    const instance = anInstance();
    const desk = new FakeDesk({
      'instances.doctor': () => ({ ...doctorFacts(serverFacts(true), signedInSession(true)), url: instance.url }),
      'instances.probe': () => aProbeReport(),
    });
    const { state } = renderWithDesk(<DoctorButton instance={instance} status={aStatus()} />, desk);
    await state.probe(instance.url);
    click(getByRole('button', { name: 'Check forever sessions' }));
    expect(getByRole('dialog', { name: `Forever sessions on ${instance.name}` })).toBeTruthy();
    await waitFor(() => getByText('Forever sessions work: this session’s token is forever.'));
    expect(desk.payloads('instances.doctor')).toEqual([{ id: instance.id }]);
    await state.probe(instance.url);
    expect(desk.payloads('instances.probe')).toHaveLength(2);
    keyDown(getByRole('dialog', { name: `Forever sessions on ${instance.name}` }), { key: 'Escape' });
    expect(queryByRole('dialog')).toBeNull();
  });
});
