/**
 * A fake desk for whole-app tests that browse data: three instances, each signed in, each with db → contacts
 * (60 rows, id/name/age), DF's filter `age > N` and sort by one column. `requestGate` lets a test hold writes.
 */
import type { Instance, ProxyRequest, ProxyResponse } from '../../../shared/ipc/contract.ts';
import { FakeDesk, type Handlers } from './fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from './fixtures.ts';

export const appInstances: Instance[] = [
  anInstance(),
  anInstance({ id: 'prod1', name: 'Production', url: 'https://df.example.com', tag: 'prod', favorite: true }),
  anInstance({ id: 'stage1', name: 'Staging', url: 'https://stage.example.com', tag: 'staging', color: '#7c3aed' }),
];

const schema = {
  name: 'contacts',
  primary_key: ['id'],
  field: [
    { name: 'id', type: 'id', auto_increment: true, is_primary_key: true, allow_null: false },
    { name: 'name', type: 'string', allow_null: false, required: true },
    { name: 'age', type: 'integer', allow_null: true },
  ],
};

export function answer(data: unknown, status = 200): ProxyResponse {
  return { status, data, headers: {}, durationMs: 2 };
}

type Row = { id: number; name: string; age: number };
const rows: Row[] = Array.from({ length: 60 }, (_, index) => ({ id: index + 1, name: `Person ${index + 1}`, age: 20 + index }));

function readContacts(request: ProxyRequest): ProxyResponse {
  const params = request.params ?? {};
  const over = /^age > (\d+)$/.exec(String(params.filter ?? ''));
  let found = over ? rows.filter((row) => row.age > Number(over[1])) : rows;
  const [column, direction] = String(params.order ?? '').split(' ') as [keyof Row | '', string | undefined];
  if (column) {
    found = [...found].sort((a, b) => (a[column] < b[column] ? -1 : a[column] > b[column] ? 1 : 0) * (direction === 'desc' ? -1 : 1));
  }
  const offset = Number(params.offset ?? 0);
  const limit = Number(params.limit ?? 1000);
  return answer({ resource: found.slice(offset, offset + limit), meta: { count: found.length } });
}

/** Answers the data browser's reads; anything else goes to `write` (default: a created id). */
export function dataRequests(write: (request: ProxyRequest) => ProxyResponse | Promise<ProxyResponse> = () => answer({ resource: [{ id: 1 }] })) {
  return ({ request }: { id: string; request: ProxyRequest }): ProxyResponse | Promise<ProxyResponse> => {
    if (request.method === 'GET' && request.path === '/') return answer({ resource: ['db'] });
    if (request.method === 'GET' && request.path === '/db/_table') return answer({ resource: [{ name: 'contacts' }, { name: 'orders' }] });
    if (request.method === 'GET' && request.path === '/db/_schema/contacts') return answer(schema);
    if (request.method === 'GET' && request.path === '/db/_table/contacts') return readContacts(request);
    if (request.method === 'GET') return answer({ resource: [] });
    return write(request);
  };
}

export function appDataDesk(handlers: Handlers = {}): FakeDesk {
  return new FakeDesk({
    'instances.list': () => appInstances,
    'session.status': ({ id }) => aStatus({ instanceId: id }),
    'vault.health': () => ({ mode: 'keychain' }),
    'instances.probe': () => aProbeReport(),
    'session.signIn': ({ id }) => aStatus({ instanceId: id }),
    request: dataRequests(),
    ...handlers,
  });
}
