import { redactForDisplay } from '../../ui/redact.ts';

export interface ConsoleResponse {
  status: number;
  durationMs: number | undefined;
  headers: Record<string, string>;
  data: unknown;
}

/** Past this, the view shows the start only: a huge <pre> freezes the window for no one's benefit. */
export const displayLimit = 200_000;

const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** axios hands back AxiosHeaders or a plain record depending on the path; we want plain strings either way. */
export function headersOf(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null) return {};
  const toJSON = (headers as { toJSON?: unknown }).toJSON;
  const plain: unknown = typeof toJSON === 'function' ? toJSON.call(headers) : headers;
  if (typeof plain !== 'object' || plain === null) return {};
  return Object.fromEntries(
    Object.entries(plain).flatMap(([key, value]) =>
      typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : [],
    ),
  );
}

export function prettyBody(data: unknown): string {
  if (data === undefined || data === '') return '';
  const safe = redactForDisplay(data);
  return typeof safe === 'string' ? safe : JSON.stringify(safe, null, 2);
}

export function ResponseView({ response }: { response: ConsoleResponse }) {
  const text = prettyBody(response.data);
  const shown = text.length > displayLimit ? text.slice(0, displayLimit) : text;
  const headerEntries = Object.entries(response.headers).sort(([a], [b]) => a.localeCompare(b));
  const tone = response.status < 300 ? 'ok' : response.status < 500 ? 'warn' : 'bad';
  return (
    <div className="response">
      <div className="response-line" role="status">
        <span className={`badge badge-${tone}`}>
          Status {response.status}
          {reasons[response.status] ? ` ${reasons[response.status]}` : ''}
        </span>
        {response.durationMs !== undefined && <span className="muted">Time {response.durationMs} ms</span>}
        <span className="muted">Size {text.length.toLocaleString()} chars</span>
      </div>
      <details className="response-headers">
        <summary>Headers ({headerEntries.length})</summary>
        <table className="kv">
          <tbody>
            {headerEntries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {text ? (
        <section className="json" aria-label="Response body">
          <pre>{shown}</pre>
        </section>
      ) : (
        <p className="muted">Empty body.</p>
      )}
      {shown.length < text.length && (
        <p className="muted">
          Showing the first {displayLimit.toLocaleString()} characters. Ask for less with limit, offset or fields.
        </p>
      )}
    </div>
  );
}
