/**
 * Why the data browser has no services to show. DF's GET /api/v2 is open to every caller and lists only what
 * the caller's role reaches, so a wrong or missing API key gets 200 with an EMPTY list, not an error: nothing
 * failed, the list was simply empty, and the browser used to show "No services" without a word. A call to a
 * service that needs a role then makes DF say what is wrong (docs/dreamfactory-protocol.md §4), as the
 * connection test's key check does.
 */
import { AxiosError } from 'axios';
import { type DfHttp, services as readServices } from '../../../shared/df/api.ts';
import { readResourceList } from '../../../shared/df/api-answers.ts';
import { dfErrorMessage } from '../../../shared/df/errors.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { DeskRequestError } from '../../ipcAxios.ts';
import { explainsAccess } from '../../ui/errorText.ts';
import { uiError } from '../../uiError.ts';

/** A role-protected resource every DF has: the same one the connection test asks to check the API key. */
const roleProtectedPath = '/system/service';

/**
 * A failed call, as the user should read it: an HTTP error page instead of DF's error envelope (a 404 from a
 * web server, an HTML login page) means the URL is not a DreamFactory instance root.
 */
export function dataFailure(failure: unknown, what: string): DeskError {
  if (failure instanceof AxiosError && !(failure instanceof DeskRequestError) && failure.response) {
    const { status, data } = failure.response;
    if (dfErrorMessage(data) === null) {
      return new DeskError('not-dreamfactory', `${what} was answered with HTTP ${status}, not like DreamFactory.`, {
        status,
      });
    }
  }
  return uiError(failure);
}

/**
 * The problem behind an empty service list, in DF's own words: the API key (wrong, missing), nobody signed in,
 * or a server that is not DF at all. Null when DF says nothing of the kind (a role that reaches no service).
 */
export async function whyNoServices(api: DfHttp): Promise<DeskError | null> {
  const what = `GET /api/v2${roleProtectedPath}`;
  try {
    const answer = await api.get(roleProtectedPath, { params: { limit: 1, fields: 'name' } });
    readResourceList(answer.data, what);
    return null;
  } catch (failure) {
    const error = dataFailure(failure, what);
    return explainsAccess(error) || error.kind === 'not-dreamfactory' ? error : null;
  }
}

/** The services, or a DeskError that says why not (see dataFailure). */
export async function listServices(api: DfHttp) {
  try {
    return await readServices(api);
  } catch (failure) {
    throw dataFailure(failure, 'The service list (GET /api/v2)');
  }
}
