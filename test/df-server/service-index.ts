// GET /api/v2: service names (2.0–2.8) or service objects filtered by role (DF ≥2.9) (docs/dreamfactory-protocol.md §6).
import type { AuthContext } from './auth-check.ts';
import { canAccessService } from './auth-check.ts';
import type { ServerState } from './state.ts';

interface ServiceInfo {
  id: number;
  name: string;
  label: string;
  description: string;
  type: string;
}

const SERVICES: readonly ServiceInfo[] = [
  { id: 1, name: 'system', label: 'System Management', description: 'Service for managing system resources.', type: 'system' },
  { id: 2, name: 'api_docs', label: 'Live API Docs', description: 'API documenting and testing service.', type: 'swagger' },
  { id: 4, name: 'user', label: 'User Management', description: 'Service for managing system users.', type: 'user' },
  { id: 5, name: 'db', label: 'Local SQL Database', description: 'Service for accessing local SQLite database.', type: 'sqlite' },
];

const SERVICE_TYPES: Record<string, { name: string; label: string; group: string; description: string }> = {
  system: { name: 'system', label: 'System Management Service', group: 'System', description: 'Service supporting management of the system.' },
  swagger: { name: 'swagger', label: 'API Docs', group: 'API Doc', description: 'API documenting and testing service using Swagger specifications.' },
  user: { name: 'user', label: 'User service', group: 'User', description: 'User service to allow user management.' },
  sqlite: { name: 'sqlite', label: 'SQLite', group: 'Database', description: 'Database service supporting SQLite connections.' },
};

export function serviceIndex(state: ServerState, baseUrl: string, context: AuthContext): Record<string, unknown> {
  if (!state.era.serviceObjects) return { resource: SERVICES.map((service) => service.name) };
  const visible = SERVICES.filter((service) => canAccessService(context, service.name));
  const services = visible.map((service) =>
    state.era.profile === 'latest' ? { ...service, spec_url: `${baseUrl}/api/v2/api_docs/${service.name}` } : { ...service },
  );
  const typeNames = [...new Set(visible.map((service) => service.type))];
  const serviceTypes = typeNames.flatMap((name) => {
    const type = SERVICE_TYPES[name];
    return type === undefined ? [] : [type];
  });
  return { services, service_types: serviceTypes };
}
