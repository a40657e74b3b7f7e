// @vitest-environment happy-dom
// Issue 11, items 8 and 9 and the internal error: what an error alert says, once, in plain words.
import type { AxiosResponse } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyAnswer, errorFromAnswer } from '../../../shared/df/errors.ts';
import { notDreamFactory } from '../../../shared/df/responses.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../../../shared/ipc/names.ts';
import { SignInDialog } from '../../../renderer/features/session/SignInDialog.tsx';
import { ErrorAlert } from '../../../renderer/ui/ErrorAlert.tsx';
import { plainDfMessage } from '../../../renderer/ui/dfMessages.ts';
import { uiError } from '../../../renderer/uiError.ts';
import { cleanup, flush, getByRole, getByText, render } from '../support/dom.tsx';
import { FakeDesk } from '../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../support/fixtures.ts';
import { renderWithDesk } from '../support/renderWithDesk.tsx';

afterEach(cleanup);

/** The alert's text a sighted user reads at first: everything but the folded Details. */
function shownText(alert: HTMLElement): string {
  const copy = alert.cloneNode(true) as HTMLElement;
  for (const details of copy.querySelectorAll('details')) details.querySelector(':scope > :not(summary)')?.remove();
  return copy.textContent ?? '';
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

// DF's own sentences (docs/dreamfactory-protocol.md §4, test/df-server/errors-table.test.ts), every era.
const dfMessages = [
  'The token has been blacklisted: Session terminated. Please re-login.',
  'Token refresh failed. The token has been blacklisted',
  'The token has been blacklisted',
  'Token has expired: Session expired. Please refresh your token (if still within refresh window) or re-login.',
  'Token has expired',
  'Token refresh failed. Token has expired and can no longer be refreshed',
  'Token has expired and can no longer be refreshed',
  'Invalid token: Token Signature could not be verified.',
  'Token refresh failed. Token Signature could not be verified.',
  'Invalid token: Wrong number of segments',
  'Invalid token: JWT payload does not contain the required claims',
  'Invalid token: User verification failed.',
  'Invalid token: Not Before (nbf) timestamp cannot be in the future',
  'Invalid token supplied.',
  'There is no valid session for the current request.',
  'No user session found.',
  "Access Forbidden. GET access to component 'user' of service 'system' is not allowed by this user's role.",
  'Access Forbidden.',
  'You are not authorized to perform this action.',
  'Unauthorized.',
  'Login request is missing required email.',
];

describe('item 8: DF messages in plain words, the raw text under Details', () => {
  it('turns "The token has been blacklisted…" into a sentence, with DF’s words one click away', () => {
    const raw = 'The token has been blacklisted: Session terminated. Please re-login.';
    render(<ErrorAlert error={new DeskError('session-ended', raw, { status: 403 })} />);
    const alert = getByRole('alert');
    const shown = shownText(alert);
    expect(shown).toContain('Your session ended.');
    expect(shown).toContain('DreamFactory ended this session: it was signed out elsewhere, or an admin ended it.');
    expect(shown).toContain('Sign in again');
    expect(shown).not.toContain(raw);
    const details = alert.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.textContent).toContain(`DreamFactory said: ${raw} (HTTP 403)`);
    expect(details?.open).toBe(false);
  });

  for (const raw of dfMessages) {
    it(`has plain words for "${raw}"`, () => {
      const plain = plainDfMessage(raw);
      expect(plain?.text).toBeTruthy();
      expect(plain?.text).not.toContain(raw);
      render(<ErrorAlert error={new DeskError('forbidden', raw, { status: 401 })} />);
      const alert = getByRole('alert');
      expect(shownText(alert)).not.toContain(raw);
      expect(alert.querySelector('details')?.textContent).toContain(raw);
    });
  }

  it('names the verb and the resource DF refused', () => {
    expect(plainDfMessage("Access Forbidden. GET access to component 'user' of service 'system' is not allowed by this user's role.")?.text).toBe(
      'Your DreamFactory role does not allow GET on system/user.',
    );
    expect(plainDfMessage("Access Forbidden. POST access to component '_table/x' is not allowed.")?.text).toBe(
      'Your DreamFactory role does not allow POST on _table/x.',
    );
  });

  it('leaves DF Desk’s own sentences and unknown DF messages as they are', () => {
    expect(plainDfMessage('The DreamFactory session has ended. Please sign in again.')).toBeUndefined();
    render(<ErrorAlert error={new DeskError('bad-request', 'Invalid filter syntax.', { status: 400 })} />);
    expect(getByRole('alert').textContent).toContain('Invalid filter syntax. (HTTP 400)');
    expect(getByRole('alert').querySelector('details')).toBeNull();
  });

  it('says why a session ended in plain words in the in-place sign-in, DF’s words under Details', async () => {
    const raw = 'The token has been blacklisted: Session terminated. Please re-login.';
    const desk = new FakeDesk({ 'instances.probe': () => aProbeReport() });
    renderWithDesk(
      <SignInDialog instance={anInstance()} status={aStatus({ state: 'needs-sign-in', endedReason: raw })} onClose={() => undefined} />,
      desk,
    );
    await flush();
    const dialog = getByRole('dialog', { name: 'Sign in to Local dev' });
    expect(getByText(/^DreamFactory ended this session/, dialog).tagName).toBe('P');
    const details = dialog.querySelector('details');
    expect(details?.textContent).toContain(raw);
    expect(shownText(dialog)).not.toContain(raw);
  });
});

describe('item 9: the HTTP status is shown once', () => {
  const page = { status: 200, data: '<html></html>', headers: { 'content-type': 'text/html' } } as unknown as AxiosResponse;

  const cases: [string, DeskError][] = [
    ['a 200 sign-in answer that is not a DF session (shared/df/responses.ts)', uiError(notDreamFactory(page, 'the sign-in'))],
    ['a non-DF error page (shared/df/errors.ts)', uiError(errorFromAnswer(classifyAnswer(404, '<html>', { contentType: 'text/html' })))],
    ['the same, as it crosses IPC', new DeskError('not-dreamfactory', notDreamFactory(page, 'the sign-in').message, { status: 200 })],
  ];
  for (const [what, error] of cases) {
    it(`for ${what}`, () => {
      render(<ErrorAlert error={error} title="This server is not DreamFactory." />);
      const text = getByRole('alert').textContent ?? '';
      expect(occurrences(text, `HTTP ${error.status}`)).toBe(1);
    });
  }

  it('still adds the status to a message that does not name it', () => {
    render(<ErrorAlert error={new DeskError('forbidden', 'Not for you.', { status: 403 })} />);
    expect(getByRole('alert').textContent).toContain('Not for you. (HTTP 403)');
  });
});

describe('the internal error', () => {
  it('gives its advice once, with or without a title of the caller', () => {
    const { unmount } = render(<ErrorAlert error={new DeskError('internal', internalErrorMessage)} />);
    let text = getByRole('alert').textContent ?? '';
    expect(occurrences(text, 'Something went wrong inside DF Desk')).toBe(1);
    expect(occurrences(text, 'Try again')).toBe(1);
    unmount();

    render(<ErrorAlert error={uiError(new Error(''))} title="Could not save the instance." />);
    text = getByRole('alert').textContent ?? '';
    expect(text).toContain('Could not save the instance.');
    expect(occurrences(text, 'Something went wrong inside DF Desk')).toBe(1);
    expect(occurrences(text, 'Try again')).toBe(1);
  });
});
